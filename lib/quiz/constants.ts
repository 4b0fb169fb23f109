/**
 * Constants shared by the quiz schema (server) and the quiz component (browser). Kept in
 * their own module so the browser bundle does not pull in zod through lib/quiz/schema.ts.
 */
export const QUESTION_TYPES = ["single", "multiple", "true-false", "ordering", "matching", "numeric", "text"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Used when a quiz file does not set `passPercent`. */
export const DEFAULT_PASS_PERCENT = 70;

/** Minimum number of options of a single- or multiple-choice question. */
export const MIN_CHOICE_OPTIONS = 3;

/** Minimum number of items of an ordering question (see lib/quiz/public.ts for why 3). */
export const MIN_ORDERING_ITEMS = 3;
