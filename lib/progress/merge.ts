/**
 * Merging an anonymous learner's local progress into their account after sign-up or sign-in.
 *
 * The merge is a union that keeps the best of both: every item goes through the ordinary write
 * path of its kind (lessons: writeLessonProgress; exercise runs: recordAttempt; drafts:
 * saveDraft; quiz attempts: recordQuizAttempt), whose upserts keep the earliest start and
 * completion, the newest section and draft, every run and attempt once (they carry client ids),
 * and so the best result. Sending the same local data twice therefore changes nothing.
 *
 * The answer says, per item, whether it was merged or rejected for good (an unknown lesson, a
 * malformed run), so the browser clears exactly those and keeps anything not yet handled.
 * Any other failure (the database is down) fails the whole request and the browser keeps
 * everything to try again later.
 */
import { ZodError } from "zod";
import type { PrismaClient } from "../db/create-client";
import { describeZodError, HttpError } from "../http/errors";
import type { ProgressCatalog } from "./catalog";
import { setTrack } from "./account";
import { writeLessonProgress } from "./lessons";
import type { MergeInput } from "./schemas";
import type { Track } from "./track";

export interface MergeDependencies {
  /** lib/exercises/attempts.ts recordAttempt. */
  recordExerciseRun: (db: PrismaClient, userId: string, exerciseId: string, input: unknown) => Promise<unknown>;
  /** lib/exercises/drafts.ts saveDraft. */
  saveDraft: (db: PrismaClient, userId: string, exerciseId: string, input: unknown) => Promise<unknown>;
  /** lib/quiz/attempts.ts recordQuizAttempt. */
  recordQuizAttempt: (db: PrismaClient, userId: string, quizId: string, input: unknown) => Promise<unknown>;
}

export interface Rejection {
  key: string;
  reason: string;
}

export interface MergeOutcome {
  /** Keys the server now holds (or already held): the browser may forget them. */
  merged: string[];
  /** Keys that can never be stored, with the reason: the browser may forget them too. */
  rejected: Rejection[];
  /** Keys not handled in this request: the browser keeps them. */
  kept: string[];
}

export interface MergeResult {
  lessons: MergeOutcome;
  exerciseRuns: MergeOutcome;
  drafts: MergeOutcome;
  quizAttempts: MergeOutcome;
  track: Track | null;
}

/** Errors that mean "this item is invalid", as opposed to "the server could not do it now". */
function permanentReason(error: unknown): string | null {
  if (error instanceof HttpError && error.status >= 400 && error.status < 500) return error.message;
  if (error instanceof ZodError) return describeZodError(error);
  return null;
}

async function mergeEach<T>(items: T[], key: (item: T) => string, write: (item: T) => Promise<unknown>): Promise<MergeOutcome> {
  const outcome: MergeOutcome = { merged: [], rejected: [], kept: [] };
  // One at a time: a merge is rare and small, and this keeps it from crowding out live requests.
  for (const item of items) {
    try {
      await write(item);
      outcome.merged.push(key(item));
    } catch (error) {
      const reason = permanentReason(error);
      if (reason === null) throw error;
      outcome.rejected.push({ key: key(item), reason });
    }
  }
  return outcome;
}

export async function mergeLocalProgress(
  db: PrismaClient,
  catalog: ProgressCatalog,
  userId: string,
  input: MergeInput,
  deps: MergeDependencies,
  now = new Date(),
): Promise<MergeResult> {
  const lessons = await mergeEach(
    input.lessons,
    (l) => l.slug,
    (l) =>
      writeLessonProgress(
        db,
        catalog,
        userId,
        l.slug,
        {
          complete: l.status === "complete",
          completedAt: l.completedAt !== undefined ? new Date(l.completedAt) : undefined,
          startedAt: l.startedAt !== undefined ? new Date(l.startedAt) : undefined,
          section: l.section,
          touchedAt: new Date(l.updatedAt),
          time: l.time,
        },
        now,
      ),
  );

  const exerciseRuns = await mergeEach(
    input.exerciseRuns,
    (run) => String(run.clientRunId ?? ""),
    ({ exerciseId, ...run }) => deps.recordExerciseRun(db, userId, exerciseId, run),
  );

  const drafts = await mergeEach(
    input.drafts,
    (d) => d.exerciseId,
    ({ exerciseId, code, updatedAt }) => deps.saveDraft(db, userId, exerciseId, { code, updatedAt }),
  );

  const quizAttempts = await mergeEach(
    input.quizAttempts,
    (a) => a.clientAttemptId,
    ({ quizId, ...attempt }) => deps.recordQuizAttempt(db, userId, quizId, attempt),
  );

  const track = input.adoptTrack ? await setTrack(db, userId, input.adoptTrack) : null;
  return { lessons, exerciseRuns, drafts, quizAttempts, track };
}
