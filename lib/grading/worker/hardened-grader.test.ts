/**
 * Probe finding (issue #14): learner code that patched Array.prototype.push turned failures into
 * "12 / 12 tests passed". The grader's logic runs here in a worker thread (its own realm) exactly
 * as in the browser worker; with its intrinsics frozen before learner code runs, each attack on
 * the harness's bookkeeping fails and the failing code is reported as failing, while every
 * reference solution still passes. Without the freeze the same attack still wins (shown once, so
 * the test is known to catch it).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { exercises } from "../../../exercises/registry";
import { referenceSources } from "../provided/reference-sources";
import type { GradeReport } from "../types";
import type { RunRequest, WorkerToPage } from "./protocol";

/**
 * The thread's entry, bundled like the browser bundles the worker (specs included, tfjs left to
 * node_modules), under node_modules/.cache so that require finds tfjs.
 */
const THREAD_BUNDLE = path.join(process.cwd(), "node_modules", ".cache", "academy-tests", "grader-thread.cjs");
beforeAll(async () => {
  await build({
    entryPoints: [path.join(process.cwd(), "tests", "support", "grader-thread.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    outfile: THREAD_BUNDLE,
    external: ["@tensorflow/tfjs"],
    logLevel: "silent",
  });
});

const started: Worker[] = [];
function graderThread(harden: boolean) {
  const worker = new Worker(THREAD_BUNDLE, { workerData: { harden } });
  started.push(worker);
  let crashed: Error | undefined;
  const waiting = new Set<(error: Error) => void>();
  worker.once("error", (error) => {
    crashed = error;
    for (const reject of waiting) reject(error);
  });
  let next = 0;
  return (exerciseId: string, source: string, providedSources?: Record<string, string>): Promise<GradeReport> =>
    new Promise((resolve, reject) => {
      if (crashed) return reject(crashed);
      const runId = `run-${++next}`;
      const onMessage = (message: WorkerToPage) => {
        if (message.runId !== runId || message.type === "started") return;
        worker.off("message", onMessage);
        waiting.delete(reject);
        if (message.type === "failed") reject(new Error(message.message));
        else resolve(message.report);
      };
      worker.on("message", onMessage);
      waiting.add(reject);
      const request: RunRequest = { type: "run", runId, exerciseId, source, ...(providedSources ? { providedSources } : {}) };
      worker.postMessage(request);
    });
}
afterAll(async () => {
  await Promise.all(started.map((w) => w.terminate()));
});

const read = (...parts: string[]) => readFileSync(path.join(process.cwd(), "exercises", ...parts), "utf8");
const IDENTITY = 'import * as tf from "@tensorflow/tfjs";\nexport function softmax(x: tf.Tensor) { return x; }\n';

/** Each rewrites the harness's view of a failing softmax, the way the probe did. */
const ATTACKS: Array<[string, string]> = [
  [
    "patching Array.prototype.push to mark every result passed",
    `const push = Array.prototype.push;
Array.prototype.push = function (this: unknown[], ...items: any[]) {
  for (const item of items) if (item && typeof item === "object" && "status" in item) { item.status = "pass"; delete item.message; }
  return push.apply(this, items);
};\n`,
  ],
  [
    "a setter on Object.prototype that swallows failure messages",
    `Object.defineProperty(Object.prototype, "message", { set(this: any) { this.status = "pass"; }, configurable: true });\n`,
  ],
  [
    "patching Array.prototype.every so that the verdict is always true",
    `Array.prototype.every = function () { return true; };\n`,
  ],
  [
    "patching Promise.prototype.then to rewrite the report on its way out",
    `const then = Promise.prototype.then;
Promise.prototype.then = function (this: Promise<any>, ok?: any, bad?: any) {
  return then.call(this, (v: any) => { if (v && v.tests) { v.passed = true; for (const t of v.tests) t.status = "pass"; } return ok ? ok(v) : v; }, bad);
};\n`,
  ],
];

describe("the grader worker with frozen intrinsics", () => {
  let hardened: ReturnType<typeof graderThread>;
  beforeAll(() => {
    hardened = graderThread(true);
  });

  it.each(ATTACKS)("%s: the run is still reported as failing", async (_what, attack) => {
    const report = await hardened("softmax", attack + IDENTITY);
    expect(report.passed).toBe(false);
    expect(report.tests.some((t) => t.status !== "pass")).toBe(true);
  });

  it("the next run in the same worker is graded normally: a wrong answer fails and the solution passes", async () => {
    await hardened("softmax", ATTACKS[0][1] + IDENTITY);
    const wrong = await hardened("softmax", IDENTITY);
    expect(wrong.passed).toBe(false);
    expect(wrong.tests.filter((t) => t.status === "pass").length).toBeLessThan(wrong.tests.length);
    expect((await hardened("softmax", read("softmax", "solution.ts"))).passed).toBe(true);
  });

  it("every exercise's reference solution passes in the frozen worker", async () => {
    const failing: string[] = [];
    for (const { meta } of exercises) {
      const sources = meta.provided ? (referenceSources(meta.provided) as Record<string, string>) : undefined;
      const report = await hardened(meta.id, read(meta.id, "solution.ts"), sources);
      if (!report.passed) failing.push(`${meta.id}: ${report.tests.find((t) => t.status !== "pass")?.message}`);
    }
    expect(failing).toEqual([]);
  }, 120_000);

  it("without the freeze, the probe's push patch wins (what the freeze prevents)", async () => {
    const unhardened = graderThread(false);
    const report = await unhardened("softmax", ATTACKS[0][1] + IDENTITY);
    expect(report.passed).toBe(true);
  });
});
