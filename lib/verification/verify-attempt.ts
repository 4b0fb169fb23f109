/**
 * One verification job: re-grade a recorded run from its stored code in the sandbox, store the
 * server's verdict on the attempt and recompute the learner's progress summary. Framework-free
 * (takes the Prisma client), used by the queue worker and the tests.
 *
 * Bounded retries: verifyTries counts the jobs that started on a run. A job that crashed the
 * worker (or hit a database error) is retried by the queue; once MAX_VERIFY_TRIES jobs have
 * started without finishing, the next one marks the run "error" without running it again.
 */
import type { PrismaClient } from "../db/create-client";
import { courseIndex } from "../course/course-index";
import { loadExerciseSpec } from "../grading/exercise-code";
import { DEFAULT_TIME_LIMIT_MS } from "../exercises/catalog";
import { lockExerciseProgress, refreshExerciseProgress } from "../exercises/progress-refresh";
import { DEFAULT_LIMITS, runInSandbox, type SandboxLimits, type SandboxOutcome } from "./sandbox/quickjs-sandbox";
import { verdictFromOutcome, type Verdict } from "./verdict";

export const MAX_VERIFY_TRIES = 3;
/**
 * The server's time limit is this many times the browser's: QuickJS interprets where the
 * browser compiles (sgd-step, the slowest suite, took 1.2-2.4 s in the sandbox, 5 s allowed).
 */
export const SERVER_TIME_FACTOR = 2;

export type VerifyOutcome = "skipped" | Verdict["status"];

/** Runs one learner's code: in this thread by default, or in a watched thread (./sandbox/sandbox-thread.ts). */
export type SandboxRunner = (exerciseId: string, source: string, limits: SandboxLimits) => Promise<SandboxOutcome>;

async function specTestNames(exerciseId: string): Promise<string[] | null> {
  const spec = await loadExerciseSpec(exerciseId);
  return spec ? spec.tests.map((t) => t.name) : null;
}

async function store(db: PrismaClient, attempt: { id: string; userId: string; exerciseId: string }, verdict: Verdict): Promise<void> {
  const verifiedAt = new Date();
  await db.$transaction(async (tx) => {
    await lockExerciseProgress(tx, attempt.userId, attempt.exerciseId);
    const data =
      verdict.status === "error"
        ? { status: verdict.status, passed: false, testsPassed: 0, testsTotal: verdict.testsTotal, results: [], failingTest: null, verifyMessage: verdict.message }
        : {
            status: verdict.status,
            passed: verdict.status === "verified_pass",
            testsPassed: verdict.testsPassed,
            testsTotal: verdict.testsTotal,
            results: verdict.results as object[],
            failingTest: verdict.failingTest,
            verifyMessage: null,
          };
    // Only a pending run takes a verdict: a duplicate job for a run already verified changes nothing.
    const updated = await tx.exerciseAttempt.updateMany({ where: { id: attempt.id, status: "pending" }, data: { ...data, verifiedAt } });
    if (updated.count > 0) await refreshExerciseProgress(tx, attempt.userId, attempt.exerciseId);
  });
}

export async function verifyAttempt(db: PrismaClient, attemptId: string, run: SandboxRunner = runInSandbox): Promise<VerifyOutcome> {
  // Count the try before running, so a run that kills the worker still uses up its tries.
  const claimed = await db.exerciseAttempt.updateMany({ where: { id: attemptId, status: "pending" }, data: { verifyTries: { increment: 1 } } });
  if (claimed.count === 0) return "skipped";
  const attempt = await db.exerciseAttempt.findUniqueOrThrow({
    where: { id: attemptId },
    select: { id: true, userId: true, exerciseId: true, code: true, verifyTries: true },
  });
  const names = await specTestNames(attempt.exerciseId);
  let verdict: Verdict;
  if (!names) {
    verdict = { status: "error", testsTotal: 0, message: `The exercise "${attempt.exerciseId}" is no longer in the course.` };
  } else if (attempt.verifyTries > MAX_VERIFY_TRIES) {
    verdict = { status: "error", testsTotal: names.length, message: `The server could not check this run after ${MAX_VERIFY_TRIES} tries.` };
  } else {
    const meta = courseIndex().exercises.get(attempt.exerciseId)!;
    const outcome = await run(attempt.exerciseId, attempt.code, {
      ...DEFAULT_LIMITS,
      timeLimitMs: SERVER_TIME_FACTOR * (meta.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS),
    });
    verdict = verdictFromOutcome(outcome, names);
  }
  await store(db, attempt, verdict);
  return verdict.status;
}
