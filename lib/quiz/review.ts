/**
 * When a quiz shows its answer key. Each quiz has a review policy per cohort, the instructor's
 * choice: the correct answers (with the explanations and option feedback) are shown after a pass,
 * after N attempts, after whichever comes first, or always. The default is after a pass or 3
 * attempts. Until the policy allows it, a graded attempt says which questions were right and how
 * much credit each got, but for the others only what the learner answered: a blank submission
 * no longer returns the key.
 *
 * - A learner in several cohorts gets the strictest of their cohorts' policies (any instructor
 *   can keep the key back); in none, the default.
 * - Signed out, attempts cannot be counted (the browser could claim any number), so the key is
 *   shown only with a passing attempt (or when every policy is "always", which a signed-out
 *   reader has none of: the default applies).
 * Framework-free (takes db).
 */
import { z } from "zod";
import type { PrismaClient } from "../db/create-client";
import type { Locale } from "../i18n/locales";
import type { QuestionResult } from "./grade";
import { attemptsSoFar, describePolicy } from "./review-words";

export { describePolicy } from "./review-words";

export const REVIEW_MODES = ["AFTER_PASS_OR_ATTEMPTS", "AFTER_PASS", "AFTER_ATTEMPTS", "ALWAYS"] as const;
export type ReviewMode = (typeof REVIEW_MODES)[number];
export interface ReviewPolicy {
  mode: ReviewMode;
  /** For the *_ATTEMPTS modes: shown from this many attempts on (this one included). */
  attempts: number;
}

export const DEFAULT_REVIEW_POLICY: ReviewPolicy = { mode: "AFTER_PASS_OR_ATTEMPTS", attempts: 3 };

export const reviewPolicySchema = z
  .object({
    mode: z.enum(REVIEW_MODES, { message: `mode must be one of ${REVIEW_MODES.join(", ")}` }),
    attempts: z.number().int("attempts must be a whole number").min(1, "attempts must be at least 1").max(20, "attempts can be at most 20").default(3),
  })
  .strict();

/** What the learner has done: passed in any attempt so far (this one included), and how many attempts. */
export interface ReviewState {
  passed: boolean;
  attempts: number;
}

export function policyAllows(policy: ReviewPolicy, state: ReviewState): boolean {
  switch (policy.mode) {
    case "ALWAYS":
      return true;
    case "AFTER_PASS":
      return state.passed;
    case "AFTER_ATTEMPTS":
      return state.attempts >= policy.attempts;
    case "AFTER_PASS_OR_ATTEMPTS":
      return state.passed || state.attempts >= policy.attempts;
  }
}

/** The policies that apply to a learner for a quiz: one per cohort they belong to (default where unset), or the default. */
export async function policiesFor(db: PrismaClient, userId: string | null, quizId: string): Promise<ReviewPolicy[]> {
  if (!userId) return [{ ...DEFAULT_REVIEW_POLICY, mode: "AFTER_PASS" }];
  const memberships = await db.cohortMembership.findMany({
    where: { userId },
    select: { cohort: { select: { quizReviews: { where: { quizId }, select: { mode: true, attempts: true } } } } },
  });
  if (memberships.length === 0) return [DEFAULT_REVIEW_POLICY];
  return memberships.map((m) => m.cohort.quizReviews[0] ?? DEFAULT_REVIEW_POLICY);
}

/** A result whose correct answer is withheld: what the learner gave and the credit, not the key. */
export interface WithheldResult {
  questionId: string;
  type: QuestionResult["type"];
  correct: false;
  credit: number;
  section: string;
  given: QuestionResult["given"];
  givenText: string;
  withheld: true;
}

export type ReviewedResult = QuestionResult | WithheldResult;

export interface Review {
  answersShown: boolean;
  /** Shown to the learner under their results. */
  message: string;
}

/**
 * Applies the policies to a graded attempt: with the key withheld, every question not fully
 * right loses its correct answer, explanation and option feedback (a right answer reveals
 * nothing the learner does not know).
 */
export function applyReview<T extends { results: QuestionResult[] }>(
  graded: T,
  policies: readonly ReviewPolicy[],
  state: ReviewState,
  locale: Locale = "en",
): Omit<T, "results"> & { results: ReviewedResult[]; review: Review } {
  const shown = policies.every((p) => policyAllows(p, state));
  // The strictest policy is the one to explain.
  const explained = policies.find((p) => !policyAllows(p, state)) ?? policies[0] ?? DEFAULT_REVIEW_POLICY;
  const results: ReviewedResult[] = shown
    ? graded.results
    : graded.results.map((r) =>
        r.correct
          ? r
          : { questionId: r.questionId, type: r.type, correct: false, credit: r.credit, section: r.section, given: r.given, givenText: r.givenText, withheld: true },
      );
  const message = shown ? "" : `${describePolicy(explained, locale)}${attemptsSoFar(state.attempts, locale)}`;
  return { ...graded, results, review: { answersShown: shown, message } };
}

/** A signed-in learner's state for a quiz from their stored attempts (the one just recorded included). */
export async function learnerReviewState(db: PrismaClient, userId: string, quizId: string, passPercent: number): Promise<ReviewState> {
  const [row] = await db.$queryRaw<{ attempts: number; best: number | null }[]>`
    SELECT count(*)::int AS attempts,
           max(CASE WHEN "maxScore" > 0 THEN "score" / "maxScore" * 100 ELSE 0 END)::float8 AS best
    FROM "QuizAttempt" WHERE "userId" = ${userId} AND "quizId" = ${quizId}`;
  return { attempts: row?.attempts ?? 0, passed: row?.best !== null && row?.best !== undefined && row.best >= passPercent - 1e-9 };
}
