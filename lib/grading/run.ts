/**
 * Grades a learner's source against an exercise spec: compile, then run every test in
 * spec order, each isolated from the others, collecting status, messages, console
 * output and leaked tensors. The same function runs in the browser worker, Jest and the CLI.
 */
import type * as TF from "@tensorflow/tfjs";
import type { ExerciseSpec, GradeReport, TestResult, Tf } from "./types";
import { compileLearnerModule, describeError, forbiddenMessage, learnerLineFromError, type LearnerConsole } from "./compile";
import { withForbiddenOps } from "./forbidden-ops";
import { createExpect, isAssertionFailure } from "./expect";
import { formatLogValue, isTensor } from "./format";
import { createTranslator, english, type ExerciseText, type GradingLocale, type Translator } from "./messages";
import { buildProvided } from "./provided/build";
import type { ProvidedSources } from "./provided/pieces";

export interface GradeSourceOptions {
  spec: ExerciseSpec;
  source: string;
  tf: Tf;
  /**
   * For exercises whose meta lists "@academy/provided" pieces: the names, and the learner's own
   * sources of the exercises they come from (./provided/pieces.ts). A piece without a source is
   * missing: importing it is a compile error that names the exercise to pass first.
   */
  provided?: { names: readonly string[]; sources: ProvidedSources };
  /** The learner's language for test names and messages (default "en"); verdicts never depend on it. */
  locale?: GradingLocale;
  /** The exercise's translations for that locale (exercises/<id>/<locale>/tests.json). */
  text?: ExerciseText;
  /** Filled in with where the time went (the worker reports it with each run; see worker/run-timings.ts). */
  phases?: GradePhases;
}

/** Milliseconds of a gradeSource call spent compiling the learner's module and running the tests. */
export interface GradePhases {
  compileMs: number;
  testsMs: number;
}

/** Name of the single test entry a compile error produces. */
export const COMPILE_TEST_NAME = english.msg("compile.test-name");
/** At most this many console lines are kept per test. */
export const MAX_OUTPUT_LINES = 100;

const now = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

/** A console for learner code that records lines into the current test's buffer. */
function createConsoleCapture(t: Translator) {
  let lines: string[] = [];
  let dropped = 0;
  const write =
    (prefix: string) =>
    (...args: unknown[]): void => {
      if (lines.length >= MAX_OUTPUT_LINES) {
        dropped++;
        return;
      }
      lines.push(prefix + args.map(formatLogValue).join(" "));
    };
  const known: LearnerConsole & Record<string, unknown> = {
    log: write(""),
    info: write(""),
    debug: write(""),
    dir: write(""),
    table: write(""),
    warn: write("warning: "),
    error: write("error: "),
    assert: (condition: unknown, ...args: unknown[]) => {
      if (!condition) write("assertion failed: ")(...args);
    },
  };
  // Anything else a learner reaches for (group, time, count, ...) is accepted and ignored.
  const learnerConsole = new Proxy(known, {
    get: (target, key) => (typeof key === "string" && key in target ? target[key] : () => undefined),
  }) as LearnerConsole;
  return {
    console: learnerConsole,
    /** Returns the lines written since the last take and starts a new buffer. */
    take(): string[] {
      const taken = dropped > 0 ? [...lines, t.msg("run.more-lines", { count: dropped })] : lines;
      lines = [];
      dropped = 0;
      return taken;
    },
  };
}

/** Every distinct tensor reachable from a value (arrays and plain objects, a few levels deep). */
function collectTensors(value: unknown, into: Set<TF.Tensor>, depth = 0): Set<TF.Tensor> {
  if (isTensor(value)) into.add(value);
  else if (depth < 4 && Array.isArray(value)) for (const item of value) collectTensors(item, into, depth + 1);
  else if (depth < 4 && typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    for (const item of Object.values(value)) collectTensors(item, into, depth + 1);
  }
  return into;
}

/**
 * Wraps the learner's exported functions to count tensors each call leaves behind:
 * the growth in live tensors minus the new tensors it returns. Tensors the spec itself
 * creates (inputs, expected values) happen outside these calls and are not counted.
 */
function createLeakTracker(tf: Tf) {
  let leaked = 0;
  const wrap = (exports: Record<string, unknown>): Record<string, unknown> => {
    const wrapped: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value !== "function") {
        wrapped[name] = value;
        continue;
      }
      const fn = value as (...args: unknown[]) => unknown;
      wrapped[name] = (...args: unknown[]): unknown => {
        const before = tf.memory().numTensors;
        const result = fn(...args);
        // An async function is a mistake the spec reports; its tensors cannot be counted here.
        if (typeof (result as { then?: unknown } | null)?.then === "function") return result;
        const inputs = collectTensors(args, new Set());
        let returnedNew = 0;
        for (const t of collectTensors(result, new Set())) if (!inputs.has(t) && !t.isDisposed) returnedNew++;
        leaked += Math.max(0, tf.memory().numTensors - before - returnedNew);
        return result;
      };
    }
    return wrapped;
  };
  return {
    wrap,
    /** Tensors leaked since the last take. */
    take(): number {
      const count = leaked;
      leaked = 0;
      return count;
    },
  };
}

function compileErrorReport(
  exercise: string,
  error: { message: string; line?: number; column?: number },
  started: number,
  t: Translator,
): GradeReport {
  const { line, column } = error;
  const where = line === undefined ? "" : t.msg(column === undefined ? "compile.at-line" : "compile.at-line-column", { line, column: column ?? "" });
  const test: TestResult = { name: t.msg("compile.test-name"), status: "error", message: where + error.message };
  if (error.line !== undefined) test.line = error.line;
  return { exercise, passed: false, tests: [test], compileError: error, durationMs: now() - started };
}

/** Deep stacks inside tfjs can push the learner's frame past V8's default limit of 10. */
function withLongStacks<T>(fn: () => Promise<T>): Promise<T> {
  const holder = Error as { stackTraceLimit?: number };
  const previous = holder.stackTraceLimit;
  // Frozen in the hardened worker (worker/harden.ts sets the long limit before freezing).
  const settable = typeof previous === "number" && !Object.isFrozen(Error);
  if (settable) holder.stackTraceLimit = Math.max(previous, 60);
  return fn().finally(() => {
    if (settable) holder.stackTraceLimit = previous;
  });
}

export async function gradeSource(opts: GradeSourceOptions): Promise<GradeReport> {
  const { spec, source, tf } = opts;
  const started = now();
  const t = createTranslator(opts.locale ?? "en", opts.text);
  const expect = createExpect(t);
  const capture = createConsoleCapture(t);
  const engine = tf.engine();
  // Every tensor made while grading (spec inputs, learner results, leaks) is freed at the end.
  engine.startScope();
  const chainedMessage = (name: string) => forbiddenMessage(name, spec.forbidReason, "chained");
  try {
    return await withForbiddenOps(tf, spec.forbid, chainedMessage, () => withLongStacks(async () => {
      const compileStarted = now();
      const provided = opts.provided ? buildProvided({ tf, names: opts.provided.names, sources: opts.provided.sources }) : undefined;
      const compiled = compileLearnerModule({
        source,
        tf,
        exports: spec.exports,
        forbid: spec.forbid,
        forbidReason: spec.forbidReason,
        provided: provided?.module,
        providedMissing: provided?.missing,
        console: capture.console,
        translator: t,
      });
      if (opts.phases) opts.phases.compileMs = now() - compileStarted;
      if (!compiled.ok) return compileErrorReport(spec.exercise, compiled.error, started, t);

      const tracker = createLeakTracker(tf);
      const mod = tracker.wrap(compiled.exports);
      // Output printed while the module loaded is shown with the first test.
      let pendingOutput = capture.take();
      const tests: TestResult[] = [];
      const testsStarted = now();
      for (const test of spec.tests) {
        const testStarted = now();
        const result: TestResult = { name: t.testName(test.name), status: "pass" };
        try {
          await test.run({ tf, mod, expect, source });
        } catch (error) {
          if (isAssertionFailure(error)) {
            result.status = "fail";
            result.message = error.message;
            if (error.expected !== undefined) result.expected = error.expected;
            if (error.actual !== undefined) result.actual = error.actual;
          } else {
            result.status = "error";
            const line = learnerLineFromError(error);
            result.message = describeError(error) + (line !== undefined ? t.msg("run.error-line", { line }) : "");
            if (line !== undefined) result.line = line;
          }
        }
        const output = [...pendingOutput, ...capture.take()];
        pendingOutput = [];
        if (output.length > 0) result.output = output;
        const leaked = tracker.take();
        if (leaked > 0) result.leakedTensors = leaked;
        result.durationMs = now() - testStarted;
        tests.push(result);
      }
      if (opts.phases) opts.phases.testsMs = now() - testsStarted;

      const report: GradeReport = {
        exercise: spec.exercise,
        passed: tests.length > 0 && tests.every((t) => t.status === "pass"),
        tests,
        durationMs: now() - started,
      };
      const leakedTotal = tests.reduce((sum, t) => sum + (t.leakedTensors ?? 0), 0);
      if (leakedTotal > 0) report.leakedTensors = leakedTotal;
      return report;
    }));
  } finally {
    engine.endScope();
  }
}
