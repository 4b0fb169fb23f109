/**
 * A learner's progress on one exercise as the card shows it, plus the two small writes that
 * are not runs: hints revealed and the reference solution viewed (served by ./help.ts).
 * Framework-free (takes db).
 */
import type { PrismaClient } from "../db/create-client";
import { Prisma } from "../generated/prisma/client";
import { requireExercise } from "./catalog";

/** A row of "ExerciseProgress" as raw queries return it. */
export interface ProgressRow {
  userId: string;
  exerciseId: string;
  attempts: number;
  bestPassed: number;
  testsTotal: number;
  firstPassedAt: Date | null;
  attemptsToPass: number | null;
  hintsUsed: number;
  solutionViewedAt: Date | null;
  firstAttemptAt: Date | null;
  lastAttemptAt: Date | null;
}

/** What the browser gets (dates as ISO strings). */
export interface ExerciseProgressView {
  attempts: number;
  bestPassed: number;
  testsTotal: number;
  /** Every test passed at least once. */
  completed: boolean;
  firstPassedAt: string | null;
  attemptsToPass: number | null;
  hintsUsed: number;
  solutionViewedAt: string | null;
  lastAttemptAt: string | null;
}

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export const EMPTY_PROGRESS: ExerciseProgressView = {
  attempts: 0,
  bestPassed: 0,
  testsTotal: 0,
  completed: false,
  firstPassedAt: null,
  attemptsToPass: null,
  hintsUsed: 0,
  solutionViewedAt: null,
  lastAttemptAt: null,
};

export function progressView(row: ProgressRow | null | undefined): ExerciseProgressView {
  if (!row) return EMPTY_PROGRESS;
  return {
    attempts: row.attempts,
    bestPassed: row.bestPassed,
    testsTotal: row.testsTotal,
    completed: row.firstPassedAt !== null,
    firstPassedAt: iso(row.firstPassedAt),
    attemptsToPass: row.attemptsToPass,
    hintsUsed: row.hintsUsed,
    solutionViewedAt: iso(row.solutionViewedAt),
    lastAttemptAt: iso(row.lastAttemptAt),
  };
}

export async function getProgress(db: PrismaClient, userId: string, exerciseId: string): Promise<ExerciseProgressView> {
  requireExercise(exerciseId);
  const row = await db.exerciseProgress.findUnique({ where: { userId_exerciseId: { userId, exerciseId } } });
  return progressView(row);
}

/**
 * How each help column takes a repeated write: hints keep the largest number seen (a repeated or
 * out-of-order request changes nothing and two tabs cannot undercount), the solution keeps the
 * time it was first opened.
 */
const HELP_MERGE = { hintsUsed: "GREATEST", solutionViewedAt: "COALESCE" } as const;

/** Writes `value` into one help column of the learner's row (created if need be), merged as HELP_MERGE says. */
async function writeHelp<K extends keyof typeof HELP_MERGE>(
  db: PrismaClient,
  userId: string,
  exerciseId: string,
  column: K,
  value: NonNullable<ProgressRow[K]>,
): Promise<ExerciseProgressView> {
  requireExercise(exerciseId);
  const col = Prisma.raw(`"${column}"`);
  const rows = await db.$queryRaw<ProgressRow[]>`
    INSERT INTO "ExerciseProgress" ("userId", "exerciseId", ${col}) VALUES (${userId}, ${exerciseId}, ${value})
    ON CONFLICT ("userId", "exerciseId")
    DO UPDATE SET ${col} = ${Prisma.raw(HELP_MERGE[column])}("ExerciseProgress".${col}, EXCLUDED.${col})
    RETURNING *`;
  return progressView(rows[0]);
}

/** The learner has now seen `revealed` hints (1 = the first); the largest number seen is kept. */
export async function recordHintsRevealed(
  db: PrismaClient,
  userId: string,
  exerciseId: string,
  revealed: number,
): Promise<ExerciseProgressView> {
  return writeHelp(db, userId, exerciseId, "hintsUsed", revealed);
}

/** Records the first time the learner opened the reference solution (later views keep that time). */
export async function recordSolutionViewed(db: PrismaClient, userId: string, exerciseId: string): Promise<ExerciseProgressView> {
  return writeHelp(db, userId, exerciseId, "solutionViewedAt", new Date());
}
