/** An anonymous learner's local data as the dashboard's snapshot (lib/progress/summary.ts). */
import type { ActivityEvent, ExerciseProgressItem, ProgressSnapshot, QuizProgressItem } from "@/lib/progress/summary";
import { DEFAULT_TRACK } from "@/lib/progress/track";
import { readRuns } from "./exercises";
import { readLocalLessons, readLocalTrack } from "./lessons";
import { readLocalAttempts, type LocalQuizAttempt } from "./quizzes";
import type { StorageLike } from "./storage";

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);
const when = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" && !Number.isNaN(Date.parse(v)) ? Date.parse(v) : 0);

export function localSnapshot(storage: StorageLike): ProgressSnapshot {
  const lessons: ProgressSnapshot["lessons"] = Object.entries(readLocalLessons(storage)).map(([slug, r]) => ({
    slug,
    status: r.status,
    section: r.section ?? null,
    timeSpentSeconds: r.seconds ?? 0,
    startedAt: r.startedAt ?? r.updatedAt,
    completedAt: r.status === "complete" ? (r.completedAt ?? r.updatedAt) : null,
    updatedAt: r.updatedAt,
  }));

  const byExercise = new Map<string, Omit<ExerciseProgressItem, "id">>();
  const events: ActivityEvent[] = [];
  for (const run of [...readRuns(storage)].sort((a, b) => when(a.createdAt) - when(b.createdAt))) {
    const at = when(run.createdAt);
    const passed = run.passed === true;
    const e = byExercise.get(run.exerciseId) ?? { attempts: 0, bestPassed: 0, testsTotal: 0, passedAt: null, lastAttemptAt: null };
    e.attempts += 1;
    e.bestPassed = Math.max(e.bestPassed, num(run.testsPassed));
    e.testsTotal = num(run.testsTotal);
    if (passed && e.passedAt === null) e.passedAt = at;
    e.lastAttemptAt = at;
    byExercise.set(run.exerciseId, e);
    events.push({ kind: "exercise-run", id: run.exerciseId, at, passed, testsPassed: num(run.testsPassed), testsTotal: num(run.testsTotal) });
  }

  const attemptsByQuiz = new Map<string, LocalQuizAttempt[]>();
  for (const attempt of [...readLocalAttempts(storage)].sort((a, b) => a.createdAt - b.createdAt)) {
    attemptsByQuiz.set(attempt.quizId, [...(attemptsByQuiz.get(attempt.quizId) ?? []), attempt]);
    events.push({ kind: "quiz-attempt", id: attempt.quizId, at: attempt.createdAt, score: attempt.score, maxScore: attempt.maxScore });
  }
  const ratio = (a: LocalQuizAttempt) => (a.maxScore > 0 ? a.score / a.maxScore : 0);
  const shown = (a: LocalQuizAttempt) => ({ score: a.score, maxScore: a.maxScore, at: a.createdAt });
  const quizzes: QuizProgressItem[] = [...attemptsByQuiz.entries()].map(([id, attempts]) => {
    // Oldest first, so the best is the earliest of equals, as the server counts it.
    const best = attempts.reduce((b, a) => (ratio(a) > ratio(b) ? a : b));
    return { id, attempts: attempts.length, best: shown(best), latest: shown(attempts[attempts.length - 1]) };
  });

  return {
    track: readLocalTrack(storage) ?? DEFAULT_TRACK,
    lessons,
    exercises: [...byExercise.entries()].map(([id, e]) => ({ id, ...e })),
    quizzes,
    events,
  };
}
