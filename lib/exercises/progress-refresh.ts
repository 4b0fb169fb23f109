/**
 * Recomputes a learner's ExerciseProgress summary from their attempts, inside a transaction
 * that holds the progress row's lock. Called when a run is recorded and when the server has
 * verified one. Only verified passes set firstPassedAt (the passed rule, lib/progress/passed.ts);
 * bestPassed is the best server-counted run; testsTotal comes from the latest run (the spec's count).
 */
import type { PrismaClient } from "../db/create-client";
import type { ProgressRow } from "./progress";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Makes sure the row exists and locks it: concurrent writers for this learner and exercise wait here. */
export async function lockExerciseProgress(tx: Tx, userId: string, exerciseId: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "ExerciseProgress" ("userId", "exerciseId") VALUES (${userId}, ${exerciseId})
    ON CONFLICT ("userId", "exerciseId") DO NOTHING`;
  await tx.$queryRaw`
    SELECT 1 FROM "ExerciseProgress" WHERE "userId" = ${userId} AND "exerciseId" = ${exerciseId} FOR UPDATE`;
}

/** Call after lockExerciseProgress, in a new statement: it then sees every attempt committed before the lock. */
export async function refreshExerciseProgress(tx: Tx, userId: string, exerciseId: string): Promise<ProgressRow> {
  const rows = await tx.$queryRaw<ProgressRow[]>`
    WITH mine AS (
      SELECT "createdAt", "passed", "testsPassed", "testsTotal", "id"
      FROM "ExerciseAttempt" WHERE "userId" = ${userId} AND "exerciseId" = ${exerciseId}
    ),
    summary AS (
      SELECT count(*)::int AS attempts,
             COALESCE(max("testsPassed"), 0)::int AS best,
             min("createdAt") AS first_at,
             max("createdAt") AS last_at,
             min("createdAt") FILTER (WHERE "passed") AS first_pass
      FROM mine
    )
    UPDATE "ExerciseProgress" AS p SET
      "attempts" = s.attempts,
      "bestPassed" = s.best,
      "firstAttemptAt" = s.first_at,
      "lastAttemptAt" = s.last_at,
      "firstPassedAt" = s.first_pass,
      "attemptsToPass" = CASE WHEN s.first_pass IS NULL THEN NULL
                              ELSE (SELECT count(*)::int FROM mine WHERE mine."createdAt" <= s.first_pass) END,
      "testsTotal" = COALESCE((SELECT mine."testsTotal" FROM mine ORDER BY mine."createdAt" DESC, mine."id" DESC LIMIT 1), 0)
    FROM summary AS s
    WHERE p."userId" = ${userId} AND p."exerciseId" = ${exerciseId}
    RETURNING p.*`;
  return rows[0];
}
