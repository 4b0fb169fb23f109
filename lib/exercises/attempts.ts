/**
 * The one write path for exercise runs: records an ExerciseAttempt and keeps the learner's
 * ExerciseProgress summary in step with it, in one transaction.
 *
 * - Idempotent on (userId, clientRunId): the same run sent twice (a retry, two tabs merging the
 *   same local history) is recorded once.
 * - Concurrent runs lose nothing: the progress row is locked (SELECT ... FOR UPDATE) and then
 *   recomputed from the attempts table. Whichever transaction takes the lock last sees every
 *   attempt committed before it, so the summary always ends up equal to the attempts it
 *   summarises, whatever order runs (or merged runs from an anonymous session) arrive in.
 *
 * Framework-free: takes the Prisma client, used by the API route and by the progress merge.
 */
import type { PrismaClient } from "../db/create-client";
import { HttpError } from "../http/errors";
import { attemptInputSchema, type AttemptInput } from "./attempt-input";
import { requireExercise } from "./catalog";
import { progressView, type ExerciseProgressView, type ProgressRow } from "./progress";

export { attemptInputSchema, testResultSchema, type AttemptInput } from "./attempt-input";

export interface RecordAttemptResult {
  /** False when this clientRunId was already recorded (nothing changed). */
  recorded: boolean;
  attemptId: string;
  progress: ExerciseProgressView;
}

/** Runs cannot claim to come from the future, nor from before the course existed. */
const EARLIEST_RUN = Date.UTC(2024, 0, 1);

function runTime(requested: Date | undefined, now: Date): Date {
  if (!requested || Number.isNaN(requested.getTime())) return now;
  const ms = Math.min(Math.max(requested.getTime(), EARLIEST_RUN), now.getTime());
  return new Date(ms);
}

export async function recordAttempt(
  db: PrismaClient,
  userId: string,
  exerciseId: string,
  input: AttemptInput | unknown,
): Promise<RecordAttemptResult> {
  requireExercise(exerciseId);
  const run = attemptInputSchema.parse(input);
  const createdAt = runTime(run.createdAt, new Date());
  const failing = run.results.find((r) => r.status !== "pass");

  return db.$transaction(async (tx) => {
    const inserted = await tx.exerciseAttempt.createMany({
      data: [
        {
          userId,
          exerciseId,
          clientRunId: run.clientRunId,
          code: run.code,
          passed: run.passed,
          testsPassed: run.testsPassed,
          testsTotal: run.testsTotal,
          results: run.results,
          failingTest: failing?.name ?? null,
          durationMs: Math.round(run.durationMs),
          createdAt,
        },
      ],
      skipDuplicates: true,
    });
    const attempt = await tx.exerciseAttempt.findUniqueOrThrow({
      where: { userId_clientRunId: { userId, clientRunId: run.clientRunId } },
      select: { id: true, exerciseId: true },
    });
    if (attempt.exerciseId !== exerciseId) {
      // A client reusing one run id for two exercises is a bug; say so rather than mixing them up.
      throw new HttpError(409, "This clientRunId was already used for another exercise.");
    }

    // Make sure the row exists, then lock it: concurrent runs for this learner and exercise wait here.
    await tx.$executeRaw`
      INSERT INTO "ExerciseProgress" ("userId", "exerciseId") VALUES (${userId}, ${exerciseId})
      ON CONFLICT ("userId", "exerciseId") DO NOTHING`;
    await tx.$queryRaw`
      SELECT 1 FROM "ExerciseProgress" WHERE "userId" = ${userId} AND "exerciseId" = ${exerciseId} FOR UPDATE`;

    if (inserted.count === 0) {
      const current = await tx.$queryRaw<ProgressRow[]>`
        SELECT * FROM "ExerciseProgress" WHERE "userId" = ${userId} AND "exerciseId" = ${exerciseId}`;
      return { recorded: false, attemptId: attempt.id, progress: progressView(current[0]) };
    }

    // A new statement after the lock: it sees every attempt committed before we got the lock.
    const rows = await tx.$queryRaw<ProgressRow[]>`
      WITH mine AS (
        SELECT "createdAt", "passed", "testsPassed", "testsTotal", "id"
        FROM "ExerciseAttempt" WHERE "userId" = ${userId} AND "exerciseId" = ${exerciseId}
      ),
      summary AS (
        SELECT count(*)::int AS attempts,
               max("testsPassed")::int AS best,
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
        "testsTotal" = (SELECT mine."testsTotal" FROM mine ORDER BY mine."createdAt" DESC, mine."id" DESC LIMIT 1)
      FROM summary AS s
      WHERE p."userId" = ${userId} AND p."exerciseId" = ${exerciseId}
      RETURNING p.*`;
    return { recorded: true, attemptId: attempt.id, progress: progressView(rows[0]) };
  });
}
