/**
 * Quiz attempts of a learner who is not signed in (`academy:quiz-attempts`, oldest first, at most
 * the newest 200). The server grades every attempt but stores only those of signed-in learners;
 * the score kept here is for display before sign-in, and the merge has the server grade each
 * attempt again from its answers.
 */
import type { Answers, QuizScore } from "@/lib/quiz/grade";
import { isObject, KEYS, readJson, writeJson, type StorageLike } from "./storage";

export const MAX_LOCAL_ATTEMPTS = 200;

/** One anonymous attempt. `createdAt` is epoch milliseconds. */
export interface LocalQuizAttempt {
  clientAttemptId: string;
  quizId: string;
  seed: number;
  answers: Answers;
  createdAt: number;
  /** The server's grade, for showing best and latest before sign-in (display only). */
  score: number;
  maxScore: number;
}

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

function isAttempt(v: unknown): v is LocalQuizAttempt {
  return (
    isObject(v) &&
    typeof v.clientAttemptId === "string" &&
    v.clientAttemptId.length > 0 &&
    v.clientAttemptId.length <= 100 &&
    typeof v.quizId === "string" &&
    v.quizId.length > 0 &&
    isNumber(v.seed) &&
    isObject(v.answers) &&
    isNumber(v.createdAt) &&
    isNumber(v.score) &&
    isNumber(v.maxScore)
  );
}

/** Every well-formed attempt (anything else, e.g. a hand edit, is ignored), oldest first as stored. */
export function readLocalAttempts(storage: StorageLike): LocalQuizAttempt[] {
  const raw = readJson(storage, KEYS.quizAttempts);
  return Array.isArray(raw) ? raw.filter(isAttempt) : [];
}

export function writeLocalAttempts(storage: StorageLike, attempts: readonly LocalQuizAttempt[]): boolean {
  if (attempts.length === 0) {
    storage.removeItem(KEYS.quizAttempts);
    return true;
  }
  return writeJson(storage, KEYS.quizAttempts, attempts);
}

/**
 * Keeps one graded anonymous attempt (replacing one with the same clientAttemptId), newest
 * MAX_LOCAL_ATTEMPTS only. Returns false when storage refused the write.
 */
export function keepLocalAttempt(storage: StorageLike, attempt: LocalQuizAttempt): boolean {
  const kept = readLocalAttempts(storage).filter((a) => a.clientAttemptId !== attempt.clientAttemptId);
  kept.push(attempt);
  kept.sort((a, b) => a.createdAt - b.createdAt);
  return writeJson(storage, KEYS.quizAttempts, kept.slice(-MAX_LOCAL_ATTEMPTS));
}

const ratio = (a: QuizScore) => (a.maxScore > 0 ? a.score / a.maxScore : 0);

/** Best (highest share of the maximum, earliest of equals) and latest, as the server computes them. */
export function bestAndLatest(attempts: readonly LocalQuizAttempt[]): { best: QuizScore; latest: QuizScore } | null {
  if (attempts.length === 0) return null;
  let best = attempts[0];
  let latest = attempts[0];
  for (const a of attempts) {
    if (ratio(a) > ratio(best) || (ratio(a) === ratio(best) && a.createdAt < best.createdAt)) best = a;
    if (a.createdAt >= latest.createdAt) latest = a;
  }
  return { best: { score: best.score, maxScore: best.maxScore }, latest: { score: latest.score, maxScore: latest.maxScore } };
}
