import { auth, requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { forbidden } from "@/lib/http/errors";
import { requestedLocale } from "@/lib/http/locale";
import { privateJson, readJsonBody, route } from "@/lib/http/route";
import { gradeSubmission, listQuizAttempts, parseSubmission, QUIZ_ATTEMPT_MAX_BYTES, recordQuizAttempt, requireQuiz } from "@/lib/quiz/attempts";
import { applyReview, learnerReviewState, policiesFor } from "@/lib/quiz/review";

type Context = { params: Promise<{ quizId: string }> };

/**
 * Grades one attempt at a quiz: body `{ answers, seed, clientAttemptId }`, nothing else (the
 * server grades; a client never sends a score).
 *
 * - Signed in: stored through recordQuizAttempt. 201 when stored, 200 when this
 *   clientAttemptId was already stored with the same answers (the same result again), 409 when
 *   it was stored with different answers. `best` and `latest` come from the stored attempts.
 * - Anonymous: graded only; `best` and `latest` are this attempt, and `savedTo: "browser"`
 *   tells the quiz component to keep the attempt in localStorage (components/quiz/local-attempts.ts)
 *   until the progress merge stores it at sign-in.
 *
 * The answer key comes back only when the quiz's review policy allows it (lib/quiz/review.ts:
 * after a pass or 3 attempts unless the learner's cohort chose otherwise; signed out, after a
 * pass); `review` says whether it did and when it will.
 *
 * Errors: 404 unknown quiz, 415 not JSON, 400 unreadable JSON, 413 over 32 KB, 422 a malformed
 * submission (each with a message in `error`).
 */
export const POST = route(async (request: Request, { params }: Context) => {
  const { quizId } = await params;
  const locale = requestedLocale(request);
  const quiz = requireQuiz(quizId, locale);
  const submission = parseSubmission(await readJsonBody(request, QUIZ_ATTEMPT_MAX_BYTES), { strict: true });

  const user = await auth();
  if (user) {
    if (!can(user.role, "write:progress:own")) throw forbidden();
    const db = getDb();
    const result = await recordQuizAttempt(db, user.id, quiz.id, submission, locale);
    const [policies, state] = await Promise.all([policiesFor(db, user.id, quiz.id), learnerReviewState(db, user.id, quiz.id, result.passPercent)]);
    return privateJson({ ...applyReview(result, policies, state, locale), savedTo: "account" }, result.recorded ? 201 : 200);
  }

  const result = gradeSubmission(quiz, submission.answers);
  const thisAttempt = { score: result.score, maxScore: result.maxScore, createdAt: new Date() };
  const reviewed = applyReview(result, await policiesFor(getDb(), null, quiz.id), { passed: result.passed, attempts: 0 }, locale);
  return privateJson({ ...reviewed, best: thisAttempt, latest: thisAttempt, savedTo: "browser" });
});

/** The signed-in learner's own attempts at the quiz (newest first) with best and latest. */
export const GET = route(async (request: Request, { params }: Context) => {
  const { quizId } = await params;
  const user = await requirePermission("read:progress:own");
  const quiz = requireQuiz(quizId, requestedLocale(request));
  return privateJson(await listQuizAttempts(getDb(), user.id, quiz));
});
