/**
 * Identical verdicts: every reference solution, alternative, starter and known-wrong variant of
 * every exercise gets the same pass/fail, test by test, from the server's sandbox as from
 * `npm run grade` (gradeExercise on tfjs's CPU backend in Node, as the browser worker runs it).
 */
import { describe, expect, it } from "@jest/globals";
import * as tf from "@tensorflow/tfjs";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { exercises } from "@/exercises/registry";
import { gradeExercise } from "@/lib/grading/grade-exercise";
import { runInSandbox } from "./sandbox/quickjs-sandbox";
import { verdictFromOutcome } from "./verdict";

const dir = path.join(__dirname, "..", "..", "exercises");

function variants(id: string): string[] {
  const inFolder = (folder: string) => {
    const full = path.join(dir, id, folder);
    return existsSync(full) ? readdirSync(full).filter((f) => f.endsWith(".ts")).map((f) => `${folder}/${f}`) : [];
  };
  return ["solution.ts", "starter.ts", ...inFolder("alternatives"), ...inFolder("wrong")];
}

const cases = exercises.flatMap(({ meta }) => variants(meta.id).map((file) => ({ id: meta.id, file })));

describe("the sandbox and npm run grade agree", () => {
  it("covers every exercise", () => {
    expect(new Set(cases.map((c) => c.id)).size).toBe(exercises.length);
    expect(cases.length).toBeGreaterThan(exercises.length * 3);
  });

  it.each(cases)("$id: $file", async ({ id, file }) => {
    await tf.setBackend("cpu");
    const source = readFileSync(path.join(dir, id, file), "utf8");
    const local = await gradeExercise({ id, source, tf });
    const spec = await exercises.find((e) => e.meta.id === id)!.loadSpec();
    const verdict = verdictFromOutcome(await runInSandbox(id, source), spec.tests.map((t) => t.name));
    if (verdict.status === "error") throw new Error(`The sandbox gave no verdict: ${verdict.message}`);
    expect(verdict.status === "verified_pass").toBe(local.passed);
    expect(verdict.results.map((r) => `${r.name}: ${r.status}`)).toEqual(local.tests.map((t) => `${t.name}: ${t.status}`));
  });
});
