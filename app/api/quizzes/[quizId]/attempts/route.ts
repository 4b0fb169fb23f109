import { auth, requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { forbidden, HttpError } from "@/lib/http/errors";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "@/lib/i18n/locales";
import { privateJson, readJsonBody, route } from "@/lib/http/route";
import { gradeSubmission, listQuizAttempts, parseSubmission, QUIZ_ATTEMPT_MAX_BYTES, recordQuizAttempt, requireQuiz } from "@/lib/quiz/attempts";

type Context = { params: Promise<{ quizId: string }> };

/** `?locale=zh`: grade with (and explain in) that locale's quiz; absent means English. */
function requestedLocale(request: Request): Locale {
  const value = new URL(request.url).searchParams.get("locale");
  if (value === null) return DEFAULT_LOCALE;
  if (!isLocale(value)) throw new HttpError(422, `locale must be one of ${LOCALES.join(", ")}.`);
  return value;
}

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
    const result = await recordQuizAttempt(getDb(), user.id, quiz.id, submission, locale);
    return privateJson({ ...result, savedTo: "account" }, result.recorded ? 201 : 200);
  }

  const result = gradeSubmission(quiz, submission.answers);
  const thisAttempt = { score: result.score, maxScore: result.maxScore, createdAt: new Date() };
  return privateJson({ ...result, best: thisAttempt, latest: thisAttempt, savedTo: "browser" });
});

/** The signed-in learner's own attempts at the quiz (newest first) with best and latest. */
export const GET = route(async (request: Request, { params }: Context) => {
  const { quizId } = await params;
  const user = await requirePermission("read:progress:own");
  const quiz = requireQuiz(quizId, requestedLocale(request));
  return privateJson(await listQuizAttempts(getDb(), user.id, quiz));
});
