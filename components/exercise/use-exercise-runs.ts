/**
 * Running an exercise's tests and recording the run. The grader worker (lib/grading/worker) runs
 * the tests off the page's thread with a time limit; the run is recorded for a signed-in learner
 * (POST .../attempts, kept in the browser's outbox until the server confirms it) or kept in the
 * browser (academy:exercise-runs) for the sign-in merge.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { EXERCISE_LIMITS, utf8Bytes } from "@/lib/exercises/limits";
import { GraderClient } from "@/lib/grading/worker/grader-client";
import { createGraderWorker } from "@/lib/grading/worker/create-worker";
import { appendRun } from "@/lib/learner-state/exercises";
import { flushRuns, sendRun } from "@/lib/learner-state/send-runs";
import { browserStorage as storage, LEARNER_STATE_EVENT } from "@/lib/learner-state/storage";
import { attemptFromOutcome, summarize } from "./run-record";
import { collectProvidedSources } from "./provided-sources";
import type { RunView } from "./test-results";
import { useServerMessage } from "./use-server-message";

export type ProgressUpdate = { completed: boolean; bestPassed: number; testsTotal: number };

export interface ExerciseRunsOptions {
  id: string;
  timeLimitMs: number;
  usesProvided: boolean;
  signedIn: boolean;
  userId: string | null;
  onProgress(update: ProgressUpdate): void;
  /** The code to run (read at the click). */
  currentCode(): string;
  /** Saves a waiting change first, so the run and the saved code agree. */
  beforeRun(): void;
}

export function useExerciseRuns({ id, timeLimitMs, usesProvided, signedIn, userId, onProgress, currentCode, beforeRun }: ExerciseRunsOptions) {
  const t = useTranslations("exercise");
  // Handed to the grader worker with each run, for its test names and messages in this language.
  const locale = useLocale();
  const serverMessage = useServerMessage();
  const [run, setRun] = useState<RunView>({ kind: "idle" });
  /** Why the last run could not be saved to the account (the server refused it for good). */
  const [recordError, setRecordError] = useState<string | null>(null);
  /** The clientRunId of the last run the server recorded, whose server check is shown. */
  const [checkedRun, setCheckedRun] = useState<string | null>(null);
  const graderRef = useRef<GraderClient | null>(null);
  const gradingLocale = locale === "zh" ? "zh" : "en";
  const grader = useCallback(() => (graderRef.current ??= new GraderClient({ createWorker: createGraderWorker, timeLimitMs })), [timeLimitMs]);
  // The editor is opening: start the grader (tfjs, the spec, its warm-up) now rather than on the first click.
  useEffect(() => {
    grader().prepare(id, gradingLocale);
  }, [grader, id, gradingLocale]);
  useEffect(() => () => graderRef.current?.dispose(), []);

  const record = useCallback(
    async (attempt: NonNullable<ReturnType<typeof attemptFromOutcome>>) => {
      const store = storage();
      const entry = { ...attempt, createdAt: Date.now() };
      if (!signedIn || !userId) {
        if (store) appendRun(store, { ...entry, exerciseId: id });
        window.dispatchEvent(new CustomEvent(LEARNER_STATE_EVENT, { detail: { id } }));
        return;
      }
      // Kept in the browser until the server confirms it (lib/learner-state/outbox.ts).
      const result = await sendRun(store, userId, id, entry);
      if (result.kind === "recorded") {
        const { progress } = result;
        onProgress({ completed: progress.completed, bestPassed: progress.bestPassed, testsTotal: progress.testsTotal });
        setCheckedRun(attempt.clientRunId);
      } else if (result.kind === "kept" && store) {
        // Try again a little later (and on the next page that shows an exercise).
        for (const delay of [15_000, 60_000]) setTimeout(() => void flushRuns(store, userId).catch(() => 0), delay);
      } else if (result.kind === "rejected") {
        setRecordError(t("runNotSaved", { message: serverMessage(result, {}, t("runRejected", { status: result.status })) }));
      }
    },
    [id, signedIn, userId, onProgress, t, serverMessage],
  );

  const runTests = useCallback(async () => {
    if (graderRef.current?.busy) return;
    const code = currentCode();
    beforeRun();
    setRun({ kind: "running", phase: "loading" });
    setRecordError(null);
    const providedSources = usesProvided ? await collectProvidedSources({ exerciseId: id, signedIn, storage: storage() }) : undefined;
    const outcome = await grader().run(id, code, () => setRun({ kind: "running", phase: "running" }), { providedSources, locale: gradingLocale });
    if (outcome.kind === "crashed") {
      setRun({ kind: "crashed", message: outcome.message });
      return;
    }
    const summary = summarize(outcome);
    setRun(outcome.kind === "report" ? { kind: "report", summary, report: outcome.report } : { kind: "timeout", summary, message: outcome.message });
    // A signed-in learner's pass counts once the server has checked it (ServerCheck).
    if (summary.passed && !signedIn) onProgress({ completed: true, bestPassed: summary.testsPassed, testsTotal: summary.testsTotal });
    setCheckedRun(null);
    if (utf8Bytes(code) <= EXERCISE_LIMITS.codeBytes) {
      const attempt = attemptFromOutcome(outcome, code, crypto.randomUUID());
      if (attempt) await record(attempt);
    }
  }, [beforeRun, currentCode, id, grader, usesProvided, signedIn, onProgress, record, gradingLocale]);

  return { run, running: run.kind === "running", recordError, checkedRun, runTests };
}
