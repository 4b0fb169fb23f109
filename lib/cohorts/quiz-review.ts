/**
 * A cohort's quiz review policies (when its members see each quiz's correct answers;
 * lib/quiz/review.ts applies them). Its instructors set them; whoever may read the cohort reads
 * them. Every quiz is listed, with the default where the instructor chose nothing.
 * Framework-free; takes the signed-in user and checks access itself.
 */
import type { PrismaClient } from "../db/create-client";
import { HttpError } from "../http/errors";
import { getQuiz } from "../quiz/load";
import { DEFAULT_REVIEW_POLICY, describePolicy, reviewPolicySchema, type ReviewPolicy } from "../quiz/review";
import { authorizeCohort, type Actor } from "./access";

export interface QuizReviewView extends ReviewPolicy {
  quizId: string;
  /** The policy in words, as learners read it. */
  description: string;
  /** No choice made: the default applies. */
  isDefault: boolean;
}

export async function listQuizReviews(db: PrismaClient, user: Actor, cohortId: string, quizIds: readonly string[]): Promise<QuizReviewView[]> {
  await authorizeCohort(db, user, cohortId, "read:progress:cohort");
  const rows = await db.cohortQuizReview.findMany({ where: { cohortId }, select: { quizId: true, mode: true, attempts: true } });
  const byQuiz = new Map(rows.map((r) => [r.quizId, r]));
  return quizIds.map((quizId) => {
    const row = byQuiz.get(quizId);
    const policy: ReviewPolicy = row ? { mode: row.mode, attempts: row.attempts } : DEFAULT_REVIEW_POLICY;
    return { quizId, ...policy, description: describePolicy(policy), isDefault: !row };
  });
}

/** Sets one quiz's policy for the cohort: body `{ mode, attempts? }`. */
export async function setQuizReview(db: PrismaClient, user: Actor, cohortId: string, quizId: string, body: unknown): Promise<QuizReviewView> {
  await authorizeCohort(db, user, cohortId, "manage:cohort:cohort");
  if (!getQuiz(quizId)) throw new HttpError(404, `There is no quiz "${quizId.slice(0, 80)}".`, { code: "quizNotFound" });
  const policy = reviewPolicySchema.parse(body);
  await db.cohortQuizReview.upsert({
    where: { cohortId_quizId: { cohortId, quizId } },
    create: { cohortId, quizId, ...policy },
    update: policy,
  });
  return { quizId, ...policy, description: describePolicy(policy), isDefault: false };
}
