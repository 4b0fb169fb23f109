/**
 * The page side of the grader worker: one run at a time, a time limit that starts when the
 * worker says learner code is about to run, and a fresh worker after a run is stopped.
 * Framework-free; the worker factory and timers are injectable so the logic is tested in Node.
 */
import type { GradingLocale } from "../messages";
import type { GradeReport } from "../types";
import type { PageToWorker, RunRequest, WorkerToPage } from "./protocol";
import { markRunResult, type PageRunTimings } from "./run-timings";

/** The part of the Worker API the client uses. */
export interface WorkerLike {
  postMessage(message: PageToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerToPage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror?: ((event: MessageEvent) => void) | null;
}

export type RunOutcome =
  | { kind: "report"; report: GradeReport; testsTotal: number }
  /** The learner's code ran past the time limit; the worker was stopped. */
  | { kind: "timeout"; limitMs: number; message: string; testsTotal: number }
  /** The grader itself failed (could not load, crashed). Not counted as the learner's run. */
  | { kind: "crashed"; message: string };

export interface GraderClientOptions {
  createWorker: () => WorkerLike;
  /** Per-run limit for the learner's code (meta.timeLimitMs). */
  timeLimitMs: number;
  /** How long the worker may take to load tfjs and the spec before the run is given up. */
  startLimitMs?: number;
  newRunId?: () => string;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** "5 s", "2.5 s" */
export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

export function timeLimitMessage(limitMs: number): string {
  return `Stopped after ${formatSeconds(limitMs)}: is there a loop that never ends?`;
}

interface Pending {
  runId: string;
  exerciseId: string;
  timings: Omit<PageRunTimings, "resultAt">;
  onStarted?: () => void;
  settle: (outcome: RunOutcome) => void;
  timer: unknown;
}

export class GraderClient {
  private worker: WorkerLike | undefined;
  private pending: Pending | undefined;
  private readonly opts: Required<Omit<GraderClientOptions, "createWorker" | "timeLimitMs">> & Pick<GraderClientOptions, "createWorker" | "timeLimitMs">;
  /** How many workers were created (a stopped run makes the next one start fresh). */
  workersCreated = 0;

  constructor(options: GraderClientOptions) {
    this.opts = {
      startLimitMs: 120_000,
      newRunId: () => crypto.randomUUID(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      ...options,
    };
  }

  get busy(): boolean {
    return this.pending !== undefined;
  }

  /**
   * `onStarted` fires when loading is over and the learner's code is about to run (the time limit
   * starts). `providedSources`: the learner's own code behind "@academy/provided" (see protocol.ts);
   * `locale`: the language of the report's test names and messages (default English).
   */
  run(exerciseId: string, source: string, onStarted?: () => void, extras: { providedSources?: Record<string, string>; locale?: GradingLocale } = {}): Promise<RunOutcome> {
    if (this.pending) return Promise.reject(new Error("A run is already in progress."));
    const calledAt = performance.now();
    const worker = this.ensureWorker();
    const runId = this.opts.newRunId();
    return new Promise<RunOutcome>((resolve) => {
      const pending: Pending = {
        runId,
        exerciseId,
        timings: { calledAt, postedAt: calledAt, timeOrigin: performance.timeOrigin },
        onStarted,
        settle: (outcome) => {
          this.opts.clearTimer(pending.timer);
          if (this.pending === pending) this.pending = undefined;
          resolve(outcome);
        },
        timer: this.opts.setTimer(() => {
          this.discardWorker();
          pending.settle({ kind: "crashed", message: `The grader did not start within ${formatSeconds(this.opts.startLimitMs)}. Reload the page and try again.` });
        }, this.opts.startLimitMs),
      };
      this.pending = pending;
      const { providedSources, locale } = extras;
      worker.postMessage({ type: "run", runId, exerciseId, source, ...(providedSources ? { providedSources } : {}), ...(locale ? { locale } : {}) } satisfies RunRequest);
      pending.timings.postedAt = performance.now();
    });
  }

  /**
   * Starts the worker and has it load tfjs and the exercise's spec and warm up, ahead of the first
   * run (call it when the editor opens). A run sent meanwhile waits for it and loads nothing again.
   */
  prepare(exerciseId: string, locale?: GradingLocale): void {
    this.ensureWorker().postMessage({ type: "prepare", exerciseId, ...(locale ? { locale } : {}) });
  }

  /** Stops the worker (e.g. when the editor closes). A later run starts a new one. */
  dispose(): void {
    this.discardWorker();
    this.pending?.settle({ kind: "crashed", message: "The run was cancelled." });
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.opts.createWorker();
    this.workersCreated++;
    worker.onmessage = (event) => this.onMessage(worker, event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      if (worker !== this.worker) return;
      this.discardWorker();
      this.pending?.settle({ kind: "crashed", message: `The grader stopped unexpectedly${event.message ? `: ${event.message}` : ""}.` });
    };
    worker.onmessageerror = () => {
      if (worker !== this.worker) return;
      this.discardWorker();
      this.pending?.settle({ kind: "crashed", message: "The grader sent a result the page could not read." });
    };
    this.worker = worker;
    return worker;
  }

  private discardWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) {
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
    }
  }

  private onMessage(worker: WorkerLike, message: WorkerToPage): void {
    const pending = this.pending;
    if (worker !== this.worker || !pending || !message || message.runId !== pending.runId) return;
    switch (message.type) {
      case "started": {
        // Loading is over; from now on the learner's code has timeLimitMs.
        pending.timings.startedAt = performance.now();
        this.opts.clearTimer(pending.timer);
        const limitMs = this.opts.timeLimitMs;
        pending.timer = this.opts.setTimer(() => {
          this.discardWorker();
          pending.settle({ kind: "timeout", limitMs, message: timeLimitMessage(limitMs), testsTotal: message.testsTotal });
        }, limitMs);
        pending.onStarted?.();
        return;
      }
      case "result":
        markRunResult({ exerciseId: pending.exerciseId, page: { ...pending.timings, resultAt: performance.now() }, worker: message.timings });
        pending.settle({ kind: "report", report: message.report, testsTotal: message.testsTotal });
        return;
      case "failed":
        this.discardWorker();
        pending.settle({ kind: "crashed", message: message.message });
        return;
    }
  }
}

