/**
 * The worker's logic with the real harness, specs and tfjs (CPU), as the browser runs it:
 * the messages it posts, in order, for a correct, a wrong and a broken solution.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import * as tf from "@tensorflow/tfjs";
import { findExercise } from "../../../exercises/registry";
import { referenceSources } from "../provided/reference-sources";
import { createGrader } from "./handle-run";
import { lockDownGlobals, lockDownWorker, LOCKED_GLOBALS } from "./lockdown";
import type { WorkerToPage } from "./protocol";

const source = (...parts: string[]) => readFileSync(path.join(process.cwd(), "exercises", ...parts), "utf8");

function grader(onLock?: () => void) {
  const posted: WorkerToPage[] = [];
  const grade = createGrader({
    tf,
    findExercise,
    post: (m) => posted.push(m),
    beforeLearnerCode: onLock,
  });
  return { posted, grade };
}

describe("grader worker logic", () => {
  it("grades in the locale the page asks for, and in English for a locale it does not know", async () => {
    const { posted, grade } = grader();
    const wrong = source("softmax", "wrong", "no-max-subtraction.ts");
    await grade({ type: "run", runId: "zh", exerciseId: "softmax", source: wrong, locale: "zh" });
    await grade({ type: "run", runId: "xx", exerciseId: "softmax", source: wrong, locale: "xx" as "zh" });
    const [zh, xx] = posted.filter((m): m is Extract<WorkerToPage, { type: "result" }> => m.type === "result");
    expect(zh.report.tests[0].name).toBe("把 [1, 2, 3] 变成概率 [0.0900, 0.2447, 0.6652]");
    expect(zh.report.tests[4].message).toMatch(/^结果在 \[0\] 处是 NaN/);
    expect(xx.report.tests[0].name).toBe("turns [1, 2, 3] into the probabilities [0.0900, 0.2447, 0.6652]");
    expect(zh.report.tests.map((t) => t.status)).toEqual(xx.report.tests.map((t) => t.status));
    await grade({ type: "run", runId: "none", exerciseId: "no-such-exercise", source: wrong, locale: "zh" });
    expect(posted[posted.length - 1]).toEqual({ type: "failed", runId: "none", message: "评分器无法启动：没有名为“no-such-exercise”的练习。" });
  });

  it("forces the CPU backend, announces the start, and posts the report of a passing solution", async () => {
    let locks = 0;
    const { posted, grade } = grader(() => locks++);
    await grade({ type: "run", runId: "r1", exerciseId: "softmax", source: source("softmax", "solution.ts") });
    expect(tf.getBackend()).toBe("cpu");
    expect(posted.map((m) => m.type)).toEqual(["started", "result"]);
    const result = posted[1] as Extract<WorkerToPage, { type: "result" }>;
    expect(result.runId).toBe("r1");
    expect(result.report.passed).toBe(true);
    expect(result.testsTotal).toBe(result.report.tests.length);
    expect(posted[0]).toEqual({ type: "started", runId: "r1", testsTotal: result.testsTotal });
    // Locked down once, before the first learner code; not again for later runs.
    await grade({ type: "run", runId: "r2", exerciseId: "softmax", source: source("softmax", "solution.ts") });
    expect(locks).toBe(1);
  });

  it("says where the worker's time went: loading once, then the learner's code and the tests", async () => {
    const { posted, grade } = grader();
    const slowTest = "export function softmax(x: any) { const end = Date.now() + 30; while (Date.now() < end); return x; }";
    await grade({ type: "run", runId: "r1", exerciseId: "softmax", source: source("softmax", "solution.ts") });
    await grade({ type: "run", runId: "r2", exerciseId: "softmax", source: slowTest });
    const [first, second] = posted.filter((m): m is Extract<WorkerToPage, { type: "result" }> => m.type === "result").map((m) => m.timings!);
    for (const t of [first, second]) {
      for (const ms of [t.queuedMs, t.loadMs, t.hardenMs, t.compileMs, t.testsMs, t.harnessMs]) expect(ms).toBeGreaterThanOrEqual(0);
      expect(t.postedAt).toBeGreaterThanOrEqual(t.receivedAt);
    }
    // Each test of the second run busy-waits 30 ms inside the learner's function.
    expect(second.testsMs).toBeGreaterThanOrEqual(30 * 3);
    expect(second.postedAt - second.receivedAt).toBeGreaterThanOrEqual(second.testsMs);
  });

  it("prepare loads, locks down and warms up ahead of the first run, posts nothing, and leaves no tensor behind", async () => {
    let locks = 0;
    const { posted, grade } = grader(() => locks++);
    const before = tf.memory().numTensors;
    await grade({ type: "prepare", exerciseId: "scaled-dot-product-attention" });
    expect(posted).toEqual([]);
    expect(locks).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
    await grade({ type: "run", runId: "r1", exerciseId: "scaled-dot-product-attention", source: source("scaled-dot-product-attention", "solution.ts") });
    const result = posted[1] as Extract<WorkerToPage, { type: "result" }>;
    expect(result.report.passed).toBe(true);
    expect(result.report.tests.map((t) => t.status)).toEqual(result.report.tests.map(() => "pass"));
    expect(locks).toBe(1);
    // An unknown exercise: prepare stays silent, the run says what is wrong.
    await grade({ type: "prepare", exerciseId: "nope" });
    expect(posted).toHaveLength(2);
  });

  it("no state between runs: code that disposes the spec's tensors and rewrites what it is given does not change the next run", async () => {
    const { posted, grade } = grader();
    const vandal = [
      'import * as tf from "@tensorflow/tfjs";',
      "export function softmax(x: tf.Tensor): tf.Tensor {",
      "  (x as any).shape = [99];",
      "  tf.zeros([1000]);",
      "  x.dispose();",
      "  return tf.tensor1d([1]);",
      "}",
    ].join("\n");
    await grade({ type: "run", runId: "r1", exerciseId: "softmax", source: source("softmax", "solution.ts") });
    const tensorsAfterFirst = tf.memory().numTensors;
    await grade({ type: "run", runId: "r2", exerciseId: "softmax", source: vandal });
    expect(tf.memory().numTensors).toBe(tensorsAfterFirst);
    await grade({ type: "run", runId: "r3", exerciseId: "softmax", source: source("softmax", "solution.ts") });
    const [first, broken, third] = posted.filter((m): m is Extract<WorkerToPage, { type: "result" }> => m.type === "result").map((m) => m.report);
    expect(broken.passed).toBe(false);
    expect(third.tests.map(({ name, status, message }) => ({ name, status, message }))).toEqual(first.tests.map(({ name, status, message }) => ({ name, status, message })));
    expect(third.passed).toBe(true);
    // Every tensor of a run (the spec's inputs, the learner's results and leaks) is freed when it ends.
    expect(tf.memory().numTensors).toBe(tensorsAfterFirst);
  });

  it("reports the failing tests of the classic mistake with expected and actual values", async () => {
    const { posted, grade } = grader();
    await grade({ type: "run", runId: "r1", exerciseId: "softmax", source: source("softmax", "wrong", "no-max-subtraction.ts") });
    const result = posted[1] as Extract<WorkerToPage, { type: "result" }>;
    expect(result.report.passed).toBe(false);
    const failing = result.report.tests.find((t) => t.status === "fail");
    expect(failing).toMatchObject({ name: expect.stringContaining("1000"), expected: "finite values", actual: "[NaN, NaN, NaN]" });
  });

  it("a syntax error is one result with line and column, and testsTotal still counts the spec's tests", async () => {
    const { posted, grade } = grader();
    await grade({ type: "run", runId: "r1", exerciseId: "softmax", source: "export function softmax(x {\n}" });
    const result = posted[1] as Extract<WorkerToPage, { type: "result" }>;
    expect(result.report.compileError).toMatchObject({ line: 1 });
    expect(result.report.tests).toHaveLength(1);
    expect(result.testsTotal).toBeGreaterThan(1);
  });

  it("builds an exercise's provided pieces from the sources the page sends, names what is missing, and gives others none", async () => {
    const names = findExercise("encoder-block")?.meta.provided;
    expect(names?.length).toBeGreaterThan(0);
    const { posted, grade } = grader();
    const own = referenceSources(names) as Record<string, string>;
    await grade({ type: "run", runId: "r1", exerciseId: "encoder-block", source: source("encoder-block", "solution.ts"), providedSources: own });
    expect((posted[1] as Extract<WorkerToPage, { type: "result" }>).report.passed).toBe(true);
    const withoutLayerNorm = { ...own, "layer-norm": undefined } as unknown as Record<string, string>;
    await grade({ type: "run", runId: "r0", exerciseId: "encoder-block", source: source("encoder-block", "solution.ts"), providedSources: withoutLayerNorm });
    const missing = posted.splice(2, 2)[1] as Extract<WorkerToPage, { type: "result" }>;
    expect(missing.report.passed).toBe(false);
    expect(missing.report.compileError?.message).toMatch(/^layerNorm comes from your own code for the exercise “Layer normalisation”/);

    const importing = 'import { attention } from "@academy/provided";\nexport function softmax(x: unknown) { void attention; return x; }';
    await grade({ type: "run", runId: "r2", exerciseId: "softmax", source: importing });
    const refused = posted[3] as Extract<WorkerToPage, { type: "result" }>;
    expect(refused.report.compileError?.message).toMatch(/Only @tensorflow\/tfjs can be imported here/);
  });

  it("an unknown exercise is a grader failure, not a learner's run, and nothing learner-written runs", async () => {
    const { posted, grade } = grader();
    await grade({ type: "run", runId: "r1", exerciseId: "nope", source: "throw new Error('ran')" });
    expect(posted).toEqual([{ type: "failed", runId: "r1", message: 'The grader could not start: There is no exercise called "nope".' }]);
  });

  it("handles runs one at a time, in the order they arrive", async () => {
    const { posted, grade } = grader();
    await Promise.all([
      grade({ type: "run", runId: "a", exerciseId: "softmax", source: source("softmax", "starter.ts") }),
      grade({ type: "run", runId: "b", exerciseId: "softmax", source: source("softmax", "solution.ts") }),
    ]);
    expect(posted.map((m) => `${m.type}:${m.runId}`)).toEqual(["started:a", "result:a", "started:b", "result:b"]);
  });
});

describe("lockDownGlobals", () => {
  it("removes network and storage APIs from the global and its prototypes, and pins them to undefined", () => {
    const proto = { fetch: () => "network", indexedDB: {}, keep: 1 };
    const scope = Object.create(proto) as Record<string, unknown>;
    scope.XMLHttpRequest = function XMLHttpRequest() {};
    scope.postMessage = () => undefined;
    scope.keepMe = () => undefined;

    const removed = lockDownGlobals(scope);
    expect(removed.sort()).toEqual(["XMLHttpRequest", "fetch", "indexedDB", "postMessage"]);
    for (const name of LOCKED_GLOBALS) expect(scope[name]).toBeUndefined();
    expect((Object.getPrototypeOf(scope) as Record<string, unknown>).fetch).toBeUndefined();
    expect(() => {
      "use strict";
      scope.fetch = () => "again";
    }).toThrow();
    expect(scope.keep).toBe(1);
    expect(typeof scope.keepMe).toBe("function");
  });

  it("lockDownWorker also takes navigator.storage and navigator.locks, and leaves what tfjs reads", () => {
    class WorkerNavigatorLike {
      get storage() {
        return { estimate: () => 0 };
      }
      get locks() {
        return {};
      }
      get userAgent() {
        return "test";
      }
    }
    const scope = { navigator: new WorkerNavigatorLike(), WebSocketStream: function WebSocketStream() {} } as Record<string, unknown>;
    const removed = lockDownWorker(scope);
    expect(removed).toEqual(expect.arrayContaining(["WebSocketStream", "navigator.storage", "navigator.locks"]));
    const navigator = scope.navigator as Record<string, unknown>;
    expect(navigator.storage).toBeUndefined();
    expect(navigator.locks).toBeUndefined();
    expect(navigator.userAgent).toBe("test");
  });
});
