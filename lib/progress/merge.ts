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
  /** lib/exercises/attempts.ts recordAttempt (`at`: the server time to stamp). */
  recordExerciseRun: (db: PrismaClient, userId: string, exerciseId: string, input: unknown, options: { at: Date }) => Promise<{ recorded: boolean; attemptId: string }>;
  /** lib/verification/producer.ts: the merged runs are verified like live ones. */
  queueVerification?: (attemptIds: string[]) => Promise<void>;
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

function clientTime(run: Record<string, unknown>): number {
  const value = run.createdAt;
  const ms = typeof value === "number" ? value : typeof value === "string" ? Date.parse(value) : NaN;
  return Number.isFinite(ms) ? ms : Number.POSITIVE_INFINITY;
}

/** Stable: runs without a usable client time keep their order, after the others. */
function orderByClientTime<T extends Record<string, unknown>>(runs: T[]): T[] {
  return runs
    .map((run, index) => ({ run, index, at: clientTime(run) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((entry) => entry.run);
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
          // The server stamps the start and the completion; the browser's updatedAt only
          // orders this lesson's section against the stored one.
          section: l.section,
          touchedAt: new Date(l.updatedAt),
          time: l.time,
        },
        now,
      ),
  );

  // The server stamps run times: a browser's clock only orders the runs of this batch, which get
  // the milliseconds just before now, in that order (so a "first pass" cannot be back-dated).
  const runs = orderByClientTime(input.exerciseRuns);
  const recorded: string[] = [];
  const exerciseRuns = await mergeEach(
    runs.map((run, rank) => ({ run, at: new Date(now.getTime() - (runs.length - 1 - rank)) })),
    ({ run }) => String(run.clientRunId ?? ""),
    async ({ run: { exerciseId, ...run }, at }) => {
      const result = await deps.recordExerciseRun(db, userId, exerciseId, run, { at });
      if (result.recorded) recorded.push(result.attemptId);
    },
  );
  await deps.queueVerification?.(recorded);

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
