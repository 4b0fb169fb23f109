/**
 * Messages between the page and the grader Web Worker. The page sends one `run` at a time; the
 * worker answers `started` just before the learner's code first runs (the page starts the time
 * limit then, so loading tfjs and the spec does not count) and then `result` or `failed`.
 */
import type { GradeReport } from "../types";

export interface RunRequest {
  type: "run";
  /** Random per run; answers carry it back so a stale or forged message is ignored. */
  runId: string;
  exerciseId: string;
  source: string;
  /** The page's language ("en", "zh"), for the grader's test names and messages. */
  locale?: string;
}

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
    }
  /** The grader itself could not run (unknown exercise, spec failed to load): not the learner's fault. */
  | { type: "failed"; runId: string; message: string };
