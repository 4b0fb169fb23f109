/**
 * The grader worker's logic, free of worker globals so it can be tested in Node: prepare tfjs on
 * the CPU backend once, load the exercise's spec through the registry, announce that learner code
 * is about to run, grade, and post the report. Runs are handled one at a time, in order.
 */
import type { ExerciseEntry } from "../../../exercises/registry";
import { formatMessage, isGradingLocale } from "../messages";
import { gradeSource, type GradePhases } from "../run";
import type { Tf } from "../types";
import type { RunRequest, WorkerToPage } from "./protocol";
import { epochNow, stopwatch } from "./run-timings";

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

export function createGrader(deps: GraderDeps): (request: RunRequest) => Promise<void> {
  let ready: Promise<void> | undefined;
  let lockedDown = false;
  let queue: Promise<void> = Promise.resolve();

  async function handle(request: RunRequest, receivedAt: number): Promise<void> {
    const { runId } = request;
    const clock = stopwatch();
    const queuedMs = epochNow() - receivedAt;
    let tfReadyMs = 0;
    let specMs = 0;
    // The page is trusted less than the worker: an unknown locale is graded in English.
    const locale = isGradingLocale(request.locale) ? request.locale : "en";
    let prepared;
    try {
      ready ??= prepareTf(deps.tf);
      await ready;
      tfReadyMs = clock.lap();
      const entry = deps.findExercise(request.exerciseId);
      if (!entry) throw new Error(formatMessage(locale, "worker.no-exercise", { id: request.exerciseId }));
      const [spec, text] = await Promise.all([entry.loadSpec(), entry.loadText(locale)]);
      specMs = clock.lap();
      const names = entry.meta.provided;
      prepared = { spec, text, provided: names ? { names, sources: request.providedSources ?? {} } : undefined };
    } catch (error) {
      ready = undefined;
      const detail = error instanceof Error ? error.message : String(error);
      deps.post({ type: "failed", runId, message: formatMessage(locale, "worker.could-not-start", { detail }) });
      return;
    }
    if (!lockedDown) {
      deps.beforeLearnerCode?.();
      lockedDown = true;
    }
    const hardenMs = clock.lap();
    deps.post({ type: "started", runId, testsTotal: prepared.spec.tests.length });
    try {
      const { spec, text, provided } = prepared;
      const phases: GradePhases = { compileMs: 0, testsMs: 0 };
      const report = await gradeSource({ spec, source: request.source, tf: deps.tf, provided, locale, text, phases });
      const harnessMs = Math.max(0, clock.lap() - phases.compileMs - phases.testsMs);
      const timings = { receivedAt, queuedMs, tfReadyMs, specMs, hardenMs, ...phases, harnessMs, postedAt: epochNow() };
      deps.post({ type: "result", runId, report, testsTotal: prepared.spec.tests.length, timings });
    } catch (error) {
      // gradeSource turns the learner's errors into results; reaching this is a harness bug.
      const detail = error instanceof Error ? error.message : String(error);
      deps.post({ type: "failed", runId, message: formatMessage(locale, "worker.failed", { detail }) });
    }
  }

  return (request) => {
    const receivedAt = epochNow();
    queue = queue.then(() => handle(request, receivedAt));
    return queue;
  };
}
