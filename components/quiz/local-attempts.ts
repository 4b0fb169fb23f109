/**
 * The quiz component's side of anonymous attempts. The server grades every attempt but stores
 * only those of signed-in learners; for anyone else it answers `savedTo: "browser"`, and the
 * attempt is kept in this browser (lib/learner-state/quizzes.ts) for the sign-in merge, which has
 * the server grade it again: the score kept here is only for display.
 */
import { bestAndLatest, keepLocalAttempt, readLocalAttempts } from "@/lib/learner-state/quizzes";
import type { StorageLike } from "@/lib/learner-state/storage";
import type { AttemptResponse, SubmitBody } from "./quiz-submit";

export { browserStorage } from "@/lib/learner-state/storage";

/** The server graded the attempt but did not store it: the learner is not signed in. */
export function isKeptInBrowser(response: AttemptResponse): boolean {
  return (response as AttemptResponse & { savedTo?: unknown }).savedTo === "browser";
}

/**
 * Called with a graded response. For an anonymous learner: keeps the attempt in `storage` and
 * answers with best and latest over this quiz's local attempts. For a signed-in learner (the
 * server stored the attempt), or when nothing can be stored, the response is returned unchanged.
 */
export function rememberAnonymousAttempt(
  storage: StorageLike | null,
  quizId: string,
  body: SubmitBody,
  response: AttemptResponse,
  now: number = Date.now(),
): AttemptResponse {
  if (!storage || !isKeptInBrowser(response)) return response;
  const kept = keepLocalAttempt(storage, {
    clientAttemptId: body.clientAttemptId,
    quizId,
    seed: body.seed,
    answers: body.answers,
    createdAt: now,
    score: response.score,
    maxScore: response.maxScore,
  });
  if (!kept) return response;
  const scores = bestAndLatest(readLocalAttempts(storage).filter((a) => a.quizId === quizId));
  return scores ? { ...response, ...scores } : response;
}
