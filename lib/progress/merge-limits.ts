/**
 * The limits of one POST /api/progress/merge request. Zod-free on purpose: the browser's merge
 * (lib/learner-state/merge.ts) splits local data by them, and lesson pages must not ship zod.
 */
export const MERGE_MAX_LESSONS = 500;
export const MERGE_MAX_QUIZ_ATTEMPTS = 200;
export const MERGE_MAX_EXERCISE_RUNS = 50;
export const MERGE_MAX_DRAFTS = 50;
/** Body limit of one merge request; the browser splits larger local data into several requests. */
export const MERGE_MAX_BYTES = 2 * 1024 * 1024;
