/**
 * The shapes of progress writes, validated at the edge (API routes) with zod. Strict objects:
 * an unknown key (a `userId`, say) is an error, never silently used or ignored.
 */
import { TRACKS } from "./track";
import { z } from "zod";

/** A lesson slug, exercise id or quiz id: lower-case words joined by single hyphens. */
export const contentId = (what: string) =>
  z
    .string()
    .max(100, `${what} is too long`)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `${what} must be a lower-case id such as self-attention`);

/** A heading anchor on a lesson page (lib/content/headings.ts): letters, digits, "_" and "-". */
export const sectionId = z
  .string()
  .min(1, "section must not be empty")
  .max(120, "section is too long")
  .regex(/^[\p{Ll}\p{Lo}\p{N}_-]+$/u, "section must be a heading anchor such as scaled-dot-product-attention");

/** Identifies one page view of a lesson (the page makes a random one per visit). */
export const visitId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "visitId must be 8-64 letters, digits, '-' or '_'");

/** The most reading time one visit can report: longer than any sitting, small enough to stop nonsense. */
export const MAX_VISIT_SECONDS = 6 * 60 * 60;

export const visitTimeSchema = z.strictObject({
  visitId,
  /** Visible seconds of this visit so far (cumulative: the server keeps the largest value it saw). */
  seconds: z.number().int("seconds must be a whole number").min(0, "seconds must not be negative").max(MAX_VISIT_SECONDS, `seconds must be at most ${MAX_VISIT_SECONDS}`),
});

/** What the lesson page reports: any combination of the four events, at least one. */
export const lessonEventSchema = z
  .strictObject({
    visit: z.literal(true).optional(),
    section: sectionId.optional(),
    complete: z.literal(true).optional(),
    time: visitTimeSchema.optional(),
  })
  .refine((e) => e.visit || e.section !== undefined || e.complete || e.time, {
    message: "send at least one of visit, section, complete or time",
  });
export type LessonEvent = z.infer<typeof lessonEventSchema>;

/** Timestamps from the browser (milliseconds since the epoch). */
const epochMs = z.number().int().min(0).max(8.64e15);

/** One lesson of the browser's local progress, as the sign-in merge sends it. */
export const localLessonSchema = z.strictObject({
  slug: contentId("slug"),
  status: z.enum(["in-progress", "complete"]),
  section: sectionId.optional(),
  startedAt: epochMs.optional(),
  completedAt: epochMs.optional(),
  updatedAt: epochMs,
  time: visitTimeSchema.optional(),
});
export type LocalLesson = z.infer<typeof localLessonSchema>;

export const trackSchema = z.enum(TRACKS, { message: 'track must be "CONCEPT" or "BUILDER"' });

export const trackInputSchema = z.strictObject({ track: trackSchema });

export const MERGE_MAX_LESSONS = 500;
export const MERGE_MAX_QUIZ_ATTEMPTS = 200;
export const MERGE_MAX_EXERCISE_RUNS = 50;
export const MERGE_MAX_DRAFTS = 50;
/** Body limit of one merge request; the browser splits larger local data into several requests. */
export const MERGE_MAX_BYTES = 2 * 1024 * 1024;

/**
 * The browser's local progress, sent once after sign-up or sign-in. Quiz attempts, exercise runs
 * and drafts are checked in detail by their own write paths (lib/quiz/attempts.ts,
 * lib/exercises/attempts.ts, lib/exercises/drafts.ts); here only their envelope is checked.
 */
export const mergeInputSchema = z.strictObject({
  lessons: z.array(localLessonSchema).max(MERGE_MAX_LESSONS, `at most ${MERGE_MAX_LESSONS} lessons per request`).default([]),
  quizAttempts: z
    .array(z.looseObject({ quizId: contentId("quizId"), clientAttemptId: z.string().min(1).max(100) }))
    .max(MERGE_MAX_QUIZ_ATTEMPTS, `at most ${MERGE_MAX_QUIZ_ATTEMPTS} quiz attempts per request`)
    .default([]),
  exerciseRuns: z
    .array(z.looseObject({ exerciseId: contentId("exerciseId") }))
    .max(MERGE_MAX_EXERCISE_RUNS, `at most ${MERGE_MAX_EXERCISE_RUNS} exercise runs per request`)
    .default([]),
  /** Autosaved code of exercises (`academy:exercise:<id>:code`); the newer of local and stored wins. */
  drafts: z
    .array(z.strictObject({ exerciseId: contentId("exerciseId"), code: z.string(), updatedAt: epochMs }))
    .max(MERGE_MAX_DRAFTS, `at most ${MERGE_MAX_DRAFTS} drafts per request`)
    .default([]),
  /** Sent after sign-up only: the track chosen before the account existed becomes the account's. */
  adoptTrack: trackSchema.optional(),
});
export type MergeInput = z.infer<typeof mergeInputSchema>;

export const deleteAccountSchema = z.strictObject({
  confirmEmail: z.string().trim().min(1, "Type your email address to confirm.").max(320),
});
