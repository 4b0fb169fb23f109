/**
 * Probe finding (issue #14): the forbidden tf.softmax was reachable as x["soft" + "max"](), which
 * the source scan cannot see. Forbidden ops are now enforced while the run lasts, in every form,
 * and the grader's machinery (engine, kernels, backends) is out of the learner's reach.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import * as tf from "@tensorflow/tfjs";
import { findExercise } from "../../exercises/registry";
import { gradeSource } from "./run";

const softmaxSpec = () => findExercise("softmax")!.loadSpec();
const header = 'import * as tf from "@tensorflow/tfjs";\n';

describe("forbidden ops at run time", () => {
  it.each([
    ["a computed chained call", 'export function softmax(x: tf.Tensor) { return (x as any)["soft" + "max"](); }'],
    ["a chained call through the prototype", 'export function softmax(x: tf.Tensor) { const p = Object.getPrototypeOf(x); return p["log" + "Softmax"].call(x).exp(); }'],
    ["a computed namespace call", 'export function softmax(x: tf.Tensor) { const t: any = tf; return t["soft" + "max"](x); }'],
  ])("%s is stopped with the reason", async (_what, body) => {
    const report = await gradeSource({ spec: await softmaxSpec(), source: header + body, tf });
    expect(report.passed).toBe(false);
    const first = report.tests[0];
    expect(first.status).toBe("error");
    expect(first.message).toMatch(/(softmax|logSoftmax).* is not allowed in this exercise: write it yourself from tf\.exp, tf\.max, tf\.sum, tf\.sub and tf\.div\./);
  });

  it("the reference solution still passes, and outside the run the chained op works again", async () => {
    const solution = readFileSync(path.join(process.cwd(), "exercises", "softmax", "solution.ts"), "utf8");
    expect((await gradeSource({ spec: await softmaxSpec(), source: solution, tf })).passed).toBe(true);
    const out = tf.tensor1d([0, 0]).softmax();
    expect(Array.from(out.dataSync())).toEqual([0.5, 0.5]);
  });

  it("learner code cannot reach the engine or swap a kernel", async () => {
    const swapKernel = [
      header,
      "export function softmax(x: tf.Tensor) {",
      "  tf.registerKernel({ kernelName: 'Sub', backendName: 'cpu', kernelFunc: () => { throw new Error('hijacked'); } } as any);",
      "  return x;",
      "}",
    ].join("\n");
    const report = await gradeSource({ spec: await softmaxSpec(), source: swapKernel, tf });
    expect(report.tests[0].message).toMatch(/^tf\.registerKernel is not available to exercise code: it reaches the grader's own machinery/);
    const engine = await gradeSource({ spec: await softmaxSpec(), source: header + "export function softmax(x: tf.Tensor) { return (tf as any).engine().backend && x; }", tf });
    expect(engine.tests[0].message).toMatch(/^tf\.engine is not available to exercise code/);
  });
});
