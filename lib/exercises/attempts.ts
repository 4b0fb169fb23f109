/**
 * The one write path for exercise runs: records an ExerciseAttempt and keeps the learner's
 * ExerciseProgress summary in step with it, in one transaction.
 *
 * - Idempotent on (userId, clientRunId): the same run sent twice (a retry, two tabs merging the
 *   same local history) is recorded once.
 * - Concurrent runs lose nothing: the progress row is locked (SELECT ... FOR UPDATE) and then
 *   recomputed from the attempts table (lib/exercises/progress-refresh.ts). Whichever transaction takes the lock last sees every
 *   attempt committed before it, so the summary always ends up equal to the attempts it
 *   summarises, whatever order runs (or merged runs from an anonymous session) arrive in.
 *
 * Framework-free: takes the Prisma client, used by the API route and by the progress merge.
 */
import type { PrismaClient } from "../db/create-client";
import { HttpError } from "../http/errors";
import { attemptInputSchema, type AttemptInput } from "./attempt-input";
import { loadExerciseSpec } from "../grading/exercise-code";
import { requireExercise } from "./catalog";
import type { VerificationStatus } from "../generated/prisma/client";
import { progressView, type ExerciseProgressView, type ProgressRow } from "./progress";
import { lockExerciseProgress, refreshExerciseProgress } from "./progress-refresh";

export { attemptInputSchema, testResultSchema, type AttemptInput } from "./attempt-input";

export interface RecordAttemptResult {
  /** False when this clientRunId was already recorded (nothing changed). */
  recorded: boolean;
  attemptId: string;
  /** Where the server's own check of this run stands; "pending" until the verification job ran. */
  status: VerificationStatus;
  progress: ExerciseProgressView;
}

export interface RecordAttemptOptions {
  /** The server time to stamp (the merge spreads a batch over the milliseconds before now, in run order). */
  at?: Date;
}

/**
 * Records the browser's claim and queues nothing itself (lib/verification/submit.ts does): the
 * run counts for nothing until the server's verdict replaces passed/testsPassed/results.
 * The client's createdAt is ignored here; the server stamps the time.
 */
export async function recordAttempt(
  db: PrismaClient,
  userId: string,
  exerciseId: string,
  input: AttemptInput | unknown,
  options: RecordAttemptOptions = {},
): Promise<RecordAttemptResult> {
  requireExercise(exerciseId);
  const run = attemptInputSchema.parse(input);
  const testsTotal = (await loadExerciseSpec(exerciseId))!.tests.length;
  const createdAt = options.at ?? new Date();

  return db.$transaction(async (tx) => {
    const inserted = await tx.exerciseAttempt.createMany({
      data: [
        {
          userId,
          exerciseId,
          clientRunId: run.clientRunId,
          code: run.code,
          testsTotal,
          results: [],
          claimedPassed: run.passed,
          claimedTestsPassed: run.testsPassed,
          claimedTestsTotal: run.testsTotal,
          claimedResults: run.results,
          durationMs: Math.round(run.durationMs),
          createdAt,
        },
      ],
      skipDuplicates: true,
    });
    const attempt = await tx.exerciseAttempt.findUniqueOrThrow({
      where: { userId_clientRunId: { userId, clientRunId: run.clientRunId } },
      select: { id: true, exerciseId: true, status: true },
    });
    if (attempt.exerciseId !== exerciseId) {
      // A client reusing one run id for two exercises is a bug; say so rather than mixing them up.
      throw new HttpError(409, "This clientRunId was already used for another exercise.");
    }

    await lockExerciseProgress(tx, userId, exerciseId);
    if (inserted.count === 0) {
      const current = await tx.$queryRaw<ProgressRow[]>`
        SELECT * FROM "ExerciseProgress" WHERE "userId" = ${userId} AND "exerciseId" = ${exerciseId}`;
      return { recorded: false, attemptId: attempt.id, status: attempt.status, progress: progressView(current[0]) };
    }
    const row = await refreshExerciseProgress(tx, userId, exerciseId);
    return { recorded: true, attemptId: attempt.id, status: attempt.status, progress: progressView(row) };
  });
}
