/**
 * The contract between exercise specs, the grading harness, the browser worker,
 * the command-line grader and the database. Framework-free: imported by the
 * Web Worker, by Node (Jest, scripts/grade.ts) and by the Next.js app.
 */
import type * as TF from "@tensorflow/tfjs";
import type { ExerciseText, GradingLocale } from "./messages";

export type Tf = typeof TF;

export type TestStatus = "pass" | "fail" | "error";

/** One test's outcome, in spec order: the first failure is what a learner reads. */
export interface TestResult {
  name: string;
  status: TestStatus;
  /** What went wrong, in words a learner can act on. Absent when passed. */
  message?: string;
  /** Pretty-printed expected value (a few entries, a shape, ...). */
  expected?: string;
  /** Pretty-printed actual value. */
  actual?: string;
  /** console.log output the learner's code produced during this test. */
  output?: string[];
  durationMs?: number;
  /** For status "error": the line of the learner's file the error was thrown from, when known. */
  line?: number;
  /** Tensors the learner's functions created during this test and never disposed. */
  leakedTensors?: number;
}

export interface GradeReport {
  exercise: string;
  passed: boolean;
  tests: TestResult[];
  /** Set when the module could not be compiled or loaded (syntax error, missing export). */
  compileError?: { message: string; line?: number; column?: number };
  /** Tensors created by the learner's code and never disposed (a warning, not a failure). */
  leakedTensors?: number;
  durationMs: number;
}

/** Thrown by the `expect` helpers; carries the values the result table shows. */
export interface AssertionDetails {
  message: string;
  expected?: string;
  actual?: string;
}

export interface Expect {
  /** Element-wise |a - e| <= atol + rtol * |e|; checks shapes first (defaults atol 1e-4, rtol 1e-4). */
  close(
    actual: TF.Tensor | number | number[] | number[][],
    expected: TF.Tensor | number | number[] | number[][],
    opts?: { atol?: number; rtol?: number; what?: string },
  ): void;
  /** The tensor has exactly this shape. */
  shape(actual: TF.Tensor, shape: number[], what?: string): void;
  /** Every entry is finite (no NaN / Infinity). */
  finite(actual: TF.Tensor | number, what?: string): void;
  /** A boolean condition with the message shown when it is false. */
  that(condition: boolean, message: string, details?: { expected?: string; actual?: string }): void;
  /** fn must throw; if `pattern` is given the error message must match it. */
  throws(fn: () => unknown, pattern: RegExp | undefined, message: string): void;
  /**
   * The value is a tf.Tensor (and not e.g. a plain array). Returns void rather than
   * `asserts value is TF.Tensor`: TypeScript rejects assertion calls through the
   * destructured, contextually typed `expect` every spec receives (TS2775).
   */
  tensor(value: unknown, what?: string): void;
}

export interface SpecContext<M = Record<string, unknown>> {
  /** The TensorFlow.js namespace (CPU backend). */
  tf: Tf;
  /** The learner's module exports. */
  mod: M;
  expect: Expect;
  /** The learner's source text (for static checks such as forbidden built-ins). */
  source: string;
}

export interface SpecTest<M = Record<string, unknown>> {
  name: string;
  run(ctx: SpecContext<M>): void | Promise<void>;
}

export interface ExerciseSpec<M = Record<string, unknown>> {
  exercise: string;
  /** Names the learner's module must export; a missing one is a clear compile-time error. */
  exports: string[];
  /** tf functions the learner may not call (e.g. ["softmax", "logSoftmax"]). */
  forbid?: string[];
  /** What to use instead, shown after "tf.softmax is not allowed in this exercise: ". */
  forbidReason?: string;
  tests: SpecTest<M>[];
}

export interface ExerciseMeta {
  id: string;
  title: string;
  chapter: number;
  /** Slug of the lesson that teaches it. */
  lesson: string;
  difficulty: "intro" | "core" | "stretch";
  /** Per-run time limit in the browser; default 5000. */
  timeLimitMs?: number;
  /** The learner may import these course reference pieces from "@academy/provided". */
  provided?: string[];
}

/** An exercise as the graders see it (exercises/registry.ts lists them): its metadata and its code, loaded on demand. */
export interface ExerciseEntry {
  meta: ExerciseMeta;
  /** Loads the exercise's spec on demand. */
  loadSpec: () => Promise<ExerciseSpec>;
  /** Loads the test names and messages in a locale (undefined for English, the spec's own words). */
  loadText: (locale: GradingLocale) => Promise<ExerciseText | undefined>;
}
