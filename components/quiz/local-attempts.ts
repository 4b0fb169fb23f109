/**
 * Quiz attempts of a learner who is not signed in, kept in this browser under
 * `academy:quiz-attempts` (an array, oldest first, at most the newest 200).
 *
 * The server grades every attempt but stores only those of signed-in learners; for anyone
 * else it answers with `savedTo: "browser"`. The quiz component then keeps the attempt here,
 * and shows best and latest from the attempts kept here. At sign-in the progress merge
 * (components/progress/local-progress.ts, lib/progress/merge.ts) sends these records to the
 * server, which grades each again from its answers and stores it in the account: the score
 * kept here is only for display and is never trusted.
 *
 * No React and no DOM beyond a Storage-like object, so it is unit-tested with a fake storage.
 */
import type { Answers } from "@/lib/quiz/grade";
import { QUIZ_ATTEMPTS_KEY, type StorageLike } from "@/components/progress/local-progress";
import type { AttemptResponse, AttemptScore, SubmitBody } from "./quiz-state";

export const MAX_LOCAL_ATTEMPTS = 200;

/** One anonymous attempt as kept in the browser. `createdAt` is epoch milliseconds. */
export interface LocalQuizAttemptRecord {
  clientAttemptId: string;
  quizId: string;
  seed: number;
  answers: Answers;
  createdAt: number;
  /** The server's grade, for showing best and latest before sign-in (display only). */
  score: number;
  maxScore: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

function isRecord(v: unknown): v is LocalQuizAttemptRecord {
  return (
    isObject(v) &&
    typeof v.clientAttemptId === "string" &&
    v.clientAttemptId.length > 0 &&
    typeof v.quizId === "string" &&
    v.quizId.length > 0 &&
    isNumber(v.seed) &&
    isObject(v.answers) &&
    isNumber(v.createdAt) &&
    isNumber(v.score) &&
    isNumber(v.maxScore)
  );
}

/** Every well-formed record (anything else, e.g. a hand edit, is ignored), oldest first as stored. */
export function readLocalAttempts(storage: StorageLike): LocalQuizAttemptRecord[] {
  let raw: unknown;
  try {
    const text = storage.getItem(QUIZ_ATTEMPTS_KEY);
    raw = text === null ? [] : JSON.parse(text);
  } catch {
    return [];
  }
  return Array.isArray(raw) ? raw.filter(isRecord) : [];
}

/** Best (highest share of the maximum, earliest of equals) and latest, as the server computes them. */
export function bestAndLatest(attempts: readonly LocalQuizAttemptRecord[]): { best: AttemptScore; latest: AttemptScore } | null {
  if (attempts.length === 0) return null;
  const ratio = (a: LocalQuizAttemptRecord) => (a.maxScore > 0 ? a.score / a.maxScore : 0);
  let best = attempts[0];
  let latest = attempts[0];
  for (const a of attempts) {
    if (ratio(a) > ratio(best) || (ratio(a) === ratio(best) && a.createdAt < best.createdAt)) best = a;
    if (a.createdAt >= latest.createdAt) latest = a;
  }
  const score = (a: LocalQuizAttemptRecord): AttemptScore => ({ score: a.score, maxScore: a.maxScore });
  return { best: score(best), latest: score(latest) };
}

/**
 * Keeps one graded anonymous attempt (replacing a record with the same clientAttemptId) and
 * trims the list to the newest MAX_LOCAL_ATTEMPTS. Returns false when storage refused the write
 * (full, or disabled in private browsing).
 */
export function keepLocalAttempt(storage: StorageLike, record: LocalQuizAttemptRecord): boolean {
  const kept = readLocalAttempts(storage).filter((a) => a.clientAttemptId !== record.clientAttemptId);
  kept.push(record);
  kept.sort((a, b) => a.createdAt - b.createdAt);
  try {
    storage.setItem(QUIZ_ATTEMPTS_KEY, JSON.stringify(kept.slice(-MAX_LOCAL_ATTEMPTS)));
    return true;
  } catch {
    return false;
  }
}

/** The server graded the attempt but did not store it: the learner is not signed in. */
export function isKeptInBrowser(response: AttemptResponse): boolean {
  return (response as AttemptResponse & { savedTo?: unknown }).savedTo === "browser";
}

/** localStorage, or null where it is unavailable (disabled, or not a browser). */
export function browserStorage(): StorageLike | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

/**
 * What the quiz component calls with a graded response. For an anonymous learner: keeps the
 * attempt in `storage` and answers with best and latest over this quiz's local attempts. For a
 * signed-in learner (the server stored the attempt), or when nothing can be stored, the
 * response is returned unchanged.
 */
export function rememberAnonymousAttempt(
  storage: StorageLike | null,
  quizId: string,
  body: SubmitBody,
  response: AttemptResponse,
  now: number = Date.now(),
): AttemptResponse {
  if (!storage || !isKeptInBrowser(response)) return response;
  const record: LocalQuizAttemptRecord = {
    clientAttemptId: body.clientAttemptId,
    quizId,
    seed: body.seed,
    answers: body.answers,
    createdAt: now,
    score: response.score,
    maxScore: response.maxScore,
  };
  if (!keepLocalAttempt(storage, record)) return response;
  const scores = bestAndLatest(readLocalAttempts(storage).filter((a) => a.quizId === quizId));
  return scores ? { ...response, ...scores } : response;
}
