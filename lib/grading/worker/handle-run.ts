/**
 * The grader worker's logic, free of worker globals so it can be tested in Node: prepare tfjs on
 * the CPU backend once, load the exercise's spec through the registry (ahead of the first run when
 * the page says the editor opened), announce that learner code is about to run, grade, and post
 * the report with where the time went. Messages are handled one at a time, in order.
 */
import type { ExerciseEntry } from "../types";
import { formatMessage, isGradingLocale, type ExerciseText, type GradingLocale } from "../messages";
import { gradeSource, type GradePhases } from "../run";
import type { ExerciseSpec, Tf } from "../types";
import type { PageToWorker, PrepareRequest, RunRequest, WorkerToPage } from "./protocol";
import { epochNow, stopwatch } from "./run-timings";
import { warmUp } from "./warm-up";

export interface GraderDeps {
  tf: Tf;
  post: (message: WorkerToPage) => void;
  findExercise: (id: string) => ExerciseEntry | undefined;
  /** Called once, after the first spec is loaded and before any learner code runs. */
  beforeLearnerCode?: () => void;
}

/**
 * WebGL (the default backend in a worker with OffscreenCanvas) gives different answers than the
 * CPU on edge cases, e.g. a naive softmax of [1000, 1001, 1002]: grading must not depend on the GPU.
 */
export async function prepareTf(tf: Tf): Promise<void> {
  const ok = await tf.setBackend("cpu");
  if (!ok) throw new Error("TensorFlow.js could not start its CPU backend.");
  await tf.ready();
}

interface Loaded {
  spec: ExerciseSpec;
  text: ExerciseText | undefined;
  providedNames: readonly string[] | undefined;
}

/**
 * Handles the page's messages one at a time, in order: `prepare` (the editor opened) does the
 * loading and the warm-up ahead of the first click; `run` grades.
 */
export function createGrader(deps: GraderDeps): (message: PageToWorker) => Promise<void> {
  let ready: Promise<void> | undefined;
  let lockedDown = false;
  let queue: Promise<void> = Promise.resolve();
  // The loaded spec and texts per exercise and locale. The spec module is the course's own code and
  // hands learner code nothing it could keep: each run gets fresh tensors, a fresh expect and a fresh
  // module of the learner's (see the "no state between runs" tests).
  const loaded = new Map<string, Promise<Loaded>>();
  const warmed = new Set<string>();

  async function load(exerciseId: string, locale: GradingLocale): Promise<Loaded> {
    ready ??= prepareTf(deps.tf);
    await ready;
    const key = `${exerciseId}:${locale}`;
    let loading = loaded.get(key);
    if (!loading) {
      const entry = deps.findExercise(exerciseId);
      if (!entry) throw new Error(formatMessage(locale, "worker.no-exercise", { id: exerciseId }));
      loading = Promise.all([entry.loadSpec(), entry.loadText(locale)]).then(([spec, text]) => ({ spec, text, providedNames: entry.meta.provided }));
      loaded.set(key, loading);
    }
    try {
      return await loading;
    } catch (error) {
      loaded.delete(key);
      throw error;
    }
  }

  function lockDownOnce(): void {
    if (lockedDown) return;
    deps.beforeLearnerCode?.();
    lockedDown = true;
  }

  async function prepare(request: PrepareRequest): Promise<void> {
    const locale = isGradingLocale(request.locale) ? request.locale : "en";
    let exercise: Loaded;
    try {
      exercise = await load(request.exerciseId, locale);
    } catch {
      ready = undefined;
      return; // the run that follows tries again and says what went wrong
    }
    lockDownOnce();
    const key = `${request.exerciseId}:${locale}`;
    if (warmed.has(key)) return;
    warmed.add(key);
    await warmUp({ tf: deps.tf, locale, ...exercise }).catch(() => undefined);
  }

  async function handle(request: RunRequest, receivedAt: number): Promise<void> {
    const { runId } = request;
    const clock = stopwatch();
    const queuedMs = epochNow() - receivedAt;
    // The page is trusted less than the worker: an unknown locale is graded in English.
    const locale = isGradingLocale(request.locale) ? request.locale : "en";
    let exercise: Loaded;
    try {
      exercise = await load(request.exerciseId, locale);
    } catch (error) {
      ready = undefined;
      const detail = error instanceof Error ? error.message : String(error);
      deps.post({ type: "failed", runId, message: formatMessage(locale, "worker.could-not-start", { detail }) });
      return;
    }
    const loadMs = clock.lap();
    lockDownOnce();
    const hardenMs = clock.lap();
    const { spec, text, providedNames } = exercise;
    deps.post({ type: "started", runId, testsTotal: spec.tests.length });
    try {
      const provided = providedNames ? { names: providedNames, sources: request.providedSources ?? {} } : undefined;
      const phases: GradePhases = { compileMs: 0, testsMs: 0 };
      const report = await gradeSource({ spec, source: request.source, tf: deps.tf, provided, locale, text, phases });
      const harnessMs = Math.max(0, clock.lap() - phases.compileMs - phases.testsMs);
      const timings = { receivedAt, queuedMs, loadMs, hardenMs, ...phases, harnessMs, postedAt: epochNow() };
      deps.post({ type: "result", runId, report, testsTotal: spec.tests.length, timings });
    } catch (error) {
      // gradeSource turns the learner's errors into results; reaching this is a harness bug.
      const detail = error instanceof Error ? error.message : String(error);
      deps.post({ type: "failed", runId, message: formatMessage(locale, "worker.failed", { detail }) });
    }
  }

  return (message) => {
    const receivedAt = epochNow();
    queue = queue.then(() => (message.type === "prepare" ? prepare(message) : handle(message, receivedAt)));
    return queue;
  };
}
