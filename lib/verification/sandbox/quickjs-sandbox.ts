/**
 * Runs the grading bundle and one learner's code in QuickJS compiled to WebAssembly
 * (decision 017). The sandbox is a separate JavaScript engine inside a WebAssembly memory:
 * it has no file system, network, environment, `process`, `require` or host object, because
 * nothing from Node is ever handed to it; only two strings go in (exercise id, source) and
 * one string comes out (the report as JSON). Each run gets a fresh QuickJS runtime with a
 * memory limit, a stack limit and an interrupt deadline, and is disposed afterwards.
 */
import { courseIndex } from "../../course/course-index";
import { referenceSources } from "../../grading/provided/reference-sources";
import { newQuickJSWASMModuleFromVariant, type QuickJSSyncVariant, type QuickJSWASMModule } from "quickjs-emscripten-core";
import { sandboxBundle } from "./bundle";

export interface SandboxLimits {
  /** Wall-clock budget for the learner's code and the tests, after the bundle has loaded. */
  timeLimitMs: number;
  memoryLimitBytes: number;
  stackLimitBytes: number;
}

/**
 * The stack limit: QuickJS's own check must trip before Node's native stack (about 1 MB) runs
 * out, since a host RangeError in the middle of the interpreter leaves the runtime unusable.
 * With 256 KB a runaway recursion ends as "stack overflow"; with 512 KB it did not.
 */
export const DEFAULT_LIMITS: SandboxLimits = { timeLimitMs: 5_000, memoryLimitBytes: 256 * 1024 * 1024, stackLimitBytes: 256 * 1024 };
/** The bundle itself needs no more than this to load (measured ~0.15-0.4 s). */
const LOAD_BUDGET_MS = 10_000;

export type SandboxOutcome =
  /** The harness ran and returned its report (not yet checked by the host). */
  | { kind: "report"; json: string; loadMs: number; runMs: number; memoryBytes: number }
  /** The run hit a limit or the sandbox failed; `message` is for the learner. */
  | { kind: "error"; message: string; loadMs: number; runMs: number };

let modulePromise: Promise<QuickJSWASMModule> | undefined;

/**
 * The release build of QuickJS, loaded with require() rather than the package's own dynamic
 * import(), which Jest's module sandbox refuses (as it does for PGlite).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- see above */
const RELEASE_SYNC: QuickJSSyncVariant = {
  type: "sync",
  importFFI: async () => (require("@jitl/quickjs-wasmfile-release-sync/ffi") as { QuickJSFFI: never }).QuickJSFFI,
  importModuleLoader: async () => require("@jitl/quickjs-wasmfile-release-sync/emscripten-module") as never,
};
/* eslint-enable @typescript-eslint/no-require-imports */

function quickjs(): Promise<QuickJSWASMModule> {
  // One WebAssembly module per process; each run gets its own runtime (own heap and limits) in it.
  modulePromise ??= newQuickJSWASMModuleFromVariant(RELEASE_SYNC);
  return modulePromise;
}

function describeLimit(raw: string, limits: SandboxLimits, timedOut: boolean): string {
  if (timedOut || /interrupted/i.test(raw)) return `Your code ran longer than the ${limits.timeLimitMs / 1000} s time limit (an endless loop?).`;
  if (/out of memory/i.test(raw)) return `Your code used more than the ${Math.round(limits.memoryLimitBytes / 1024 / 1024)} MB memory limit.`;
  if (/stack overflow|too much recursion/i.test(raw)) return "Your code recursed too deeply (stack overflow).";
  return `The server could not finish checking your code: ${raw.slice(0, 300)}`;
}

export async function runInSandbox(exerciseId: string, source: string, limits: SandboxLimits = DEFAULT_LIMITS): Promise<SandboxOutcome> {
  const [module, bundle] = await Promise.all([quickjs(), sandboxBundle()]);
  const started = Date.now();
  let deadline = started + LOAD_BUDGET_MS;
  const runtime = module.newRuntime();
  runtime.setMemoryLimit(limits.memoryLimitBytes);
  runtime.setMaxStackSize(limits.stackLimitBytes);
  runtime.setInterruptHandler(() => Date.now() > deadline);
  const context = runtime.newContext();
  let loadMs = 0;
  let broken = false;
  let finishedCleanly = false;
  const finish = (raw: string, timedOut = false): SandboxOutcome => ({
    kind: "error",
    message: describeLimit(raw, limits, timedOut),
    loadMs,
    runMs: Date.now() - started - loadMs,
  });
  try {
    const loaded = context.evalCode(bundle, "academy-grader.js");
    if (loaded.error) {
      const raw = String(context.dump(loaded.error));
      loaded.error.dispose();
      return finish(`the grader did not load (${raw})`);
    }
    loaded.value.dispose();
    loadMs = Date.now() - started;
    deadline = Date.now() + limits.timeLimitMs;

    // Taken before any learner code runs; the global is non-writable besides.
    const verify = context.getProp(context.global, "__academyVerify");
    // Pieces the exercise imports from "@academy/provided": the reference solutions, read here on
    // the host (trusted, like npm run grade), since the sandbox has no file system.
    const names = courseIndex().exercises.get(exerciseId)?.provided;
    const args = [context.newString(exerciseId), context.newString(source), ...(names ? [context.newString(JSON.stringify(referenceSources(names)))] : [])];
    const called = context.callFunction(verify, context.undefined, ...args);
    for (const arg of args) arg.dispose();
    verify.dispose();
    if (called.error) {
      const raw = JSON.stringify(context.dump(called.error));
      called.error.dispose();
      return finish(raw, Date.now() > deadline);
    }
    const promise = called.value;
    try {
      for (;;) {
        const state = context.getPromiseState(promise);
        if (state.type === "fulfilled") {
          const json = context.getString(state.value);
          state.value.dispose();
          const usage = runtime.computeMemoryUsage();
          const memoryBytes = Number((context.dump(usage) as { memory_used_size?: number }).memory_used_size ?? 0);
          usage.dispose();
          // After an allocation failed, QuickJS may hold objects it can no longer free cleanly.
          finishedCleanly = !/out of memory/i.test(json);
          return { kind: "report", json, loadMs, runMs: Date.now() - started - loadMs, memoryBytes };
        }
        if (state.type === "rejected") {
          const raw = JSON.stringify(context.dump(state.error));
          state.error.dispose();
          return finish(raw, Date.now() > deadline);
        }
        if (Date.now() > deadline) return finish("interrupted", true);
        const jobs = runtime.executePendingJobs();
        if (jobs.error) {
          const raw = JSON.stringify(context.dump(jobs.error));
          jobs.error.dispose();
          return finish(raw, Date.now() > deadline);
        }
        // Nothing left to run and still pending: the code awaits something that never comes.
        if (jobs.value === 0 && context.getPromiseState(promise).type === "pending") {
          return finish("Your code waited for something that never finished (a promise that never resolves).");
        }
      }
    } finally {
      promise.dispose();
    }
  } catch (error) {
    // A failure of the engine itself (e.g. a WebAssembly trap): start the next run on a fresh module.
    // Its memory is left to the garbage collector: freeing a runtime in an unknown state aborts.
    broken = true;
    modulePromise = undefined;
    return finish(error instanceof Error ? error.message : String(error));
  } finally {
    // Freeing a runtime that still holds objects (a run stopped half-way, a job left queued) trips
    // QuickJS's leak assertion, which aborts the whole module: such a runtime is left to the
    // garbage collector with its module, and the next run instantiates a fresh one (~0.1 s).
    if (!broken && finishedCleanly && !runtime.hasPendingJob()) {
      try {
        context.dispose();
        runtime.dispose();
      } catch {
        modulePromise = undefined;
      }
    } else {
      modulePromise = undefined;
    }
  }
}
