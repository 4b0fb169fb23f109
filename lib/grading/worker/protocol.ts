/**
 * Messages between the page and the grader Web Worker. The page sends one `run` at a time; the
 * worker answers `started` just before the learner's code first runs (the page starts the time
 * limit then, so loading tfjs and the spec does not count) and then `result` or `failed`.
 */
import type { GradingLocale } from "../messages";
import type { GradeReport } from "../types";
import type { WorkerRunTimings } from "./run-timings";

export interface RunRequest {
  type: "run";
  /** Random per run; answers carry it back so a stale or forged message is ignored. */
  runId: string;
  exerciseId: string;
  source: string;
  /**
   * For an exercise that imports "@academy/provided": the learner's own passing code of each
   * exercise a piece comes from (exercise id -> source); a piece without one is missing.
   */
  providedSources?: Record<string, string>;
  /** The learner's language for test names and messages; absent means English. */
  locale?: GradingLocale;
}

/**
 * Sent when the learner opens the editor, before any run: the worker starts tfjs, loads the
 * exercise's spec and texts, locks itself down and warms its compiler, so the first click does not
 * wait for them. Answered by nothing; a failure shows on the next run, which tries again.
 */
export interface PrepareRequest {
  type: "prepare";
  exerciseId: string;
  locale?: GradingLocale;
}

export type PageToWorker = RunRequest | PrepareRequest;

export type WorkerToPage =
  | {
      type: "started";
      runId: string;
      /** How many tests the spec has (so a run stopped by the time limit can still be counted). */
      testsTotal: number;
    }
  | {
      type: "result";
      runId: string;
      report: GradeReport;
      /** How many tests the spec has (a compile error reports one entry but the spec has more). */
      testsTotal: number;
      /** Where the worker's time went (for bench/grader-breakdown.ts). */
      timings?: WorkerRunTimings;
    }
  /** The grader itself could not run (unknown exercise, spec failed to load): not the learner's fault. */
  | { type: "failed"; runId: string; message: string };
