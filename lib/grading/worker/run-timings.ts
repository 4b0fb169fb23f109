/**
 * Where a run's time goes, from the click to the results on screen (issue #16). The worker times
 * its phases and sends them with its reply; the page client adds its own and leaves both as a
 * User Timing mark (`performance.mark(RESULT_MARK, { detail })`) that bench/grader-breakdown.ts
 * reads; the results panel marks the frame the results are drawn in (RENDERED_MARK).
 * A mark costs microseconds, so it stays on in production: no flag to forget.
 *
 * The worker and the page have different clocks (each `performance.now()` counts from its own
 * timeOrigin), so moments that cross between them are epoch milliseconds (timeOrigin + now).
 */

export const RESULT_MARK = "academy:grader-result";
export const RENDERED_MARK = "academy:grader-rendered";

/** Milliseconds since 1970 with sub-millisecond precision, comparable between the page and the worker. */
export const epochNow = (): number => performance.timeOrigin + performance.now();

/** Measured inside the worker, in milliseconds. */
export interface WorkerRunTimings {
  /** When the worker's message handler got the request (epoch ms). */
  receivedAt: number;
  /** Waiting for an earlier run in the queue. */
  queuedMs: number;
  /** tfjs's CPU backend made ready, the exercise's spec module and its translations loaded (about 0 once done). */
  loadMs: number;
  /** The worker's lockdown and frozen intrinsics, before the first learner code (0 afterwards). */
  hardenMs: number;
  /** Transpile, static checks and evaluation of the learner's module (and its provided pieces). */
  compileMs: number;
  /** Every spec test, learner code and the spec's own tensors (the part that is the exercise). */
  testsMs: number;
  /** gradeSource's remaining bookkeeping: translator, scopes, the report. */
  harnessMs: number;
  /** When the reply was handed to postMessage (epoch ms). */
  postedAt: number;
}

/** Measured on the page, `performance.now()` of the page. */
export interface PageRunTimings {
  /** GraderClient.run was called. */
  calledAt: number;
  /** The request was handed to the worker (postMessage returned). */
  postedAt: number;
  /** The worker said learner code starts (absent for a run that failed to start). */
  startedAt?: number;
  /** The result arrived. */
  resultAt: number;
  /** performance.timeOrigin of the page, to place the worker's epoch stamps. */
  timeOrigin: number;
}

export interface RunTimingsDetail {
  exerciseId: string;
  page: PageRunTimings;
  worker?: WorkerRunTimings;
}

/** Leaves the run's figures for whoever measures (no-op where User Timing is missing). */
export function markRunResult(detail: RunTimingsDetail): void {
  if (typeof performance === "undefined" || typeof performance.mark !== "function") return;
  performance.mark(RESULT_MARK, { detail });
}

/** Called in the frame the results are drawn in. */
export function markResultsRendered(): void {
  if (typeof performance === "undefined" || typeof performance.mark !== "function") return;
  performance.mark(RENDERED_MARK);
}

/** A stopwatch for consecutive phases: `lap()` returns the milliseconds since the previous lap. */
export function stopwatch(now: () => number = () => performance.now()): { lap(): number } {
  let last = now();
  return {
    lap() {
      const at = now();
      const ms = at - last;
      last = at;
      return ms;
    },
  };
}
