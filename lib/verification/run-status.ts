/**
 * What the learner's card shows about one of their runs once it is recorded: where the server's
 * check stands, the server's own per-test results, and what the browser had claimed, so the
 * card can say plainly when the two disagree. Scoped to the learner's own runs. Framework-free.
 */
import type { PrismaClient } from "../db/create-client";
import { notFound } from "../http/errors";
import type { TestResult } from "../grading/types";
import type { Translator } from "../grading/messages";
import { getProgress, type ExerciseProgressView } from "../exercises/progress";

export interface RunStatusView {
  status: "pending" | "verified_pass" | "verified_fail" | "error";
  /** The server's figures (0 while pending). */
  testsPassed: number;
  testsTotal: number;
  results: TestResult[];
  message: string | null;
  verifiedAt: string | null;
  claimedPassed: boolean;
  claimedTestsPassed: number;
  /** True when the server's pass/fail is not what the browser said. */
  disagrees: boolean;
  progress: ExerciseProgressView;
}

export async function getRunStatus(db: PrismaClient, userId: string, exerciseId: string, clientRunId: string): Promise<RunStatusView> {
  const row = await db.exerciseAttempt.findUnique({
    where: { userId_clientRunId: { userId, clientRunId } },
    select: {
      exerciseId: true,
      status: true,
      testsPassed: true,
      testsTotal: true,
      results: true,
      verifyMessage: true,
      verifiedAt: true,
      claimedPassed: true,
      claimedTestsPassed: true,
    },
  });
  if (!row || row.exerciseId !== exerciseId) throw notFound("There is no such run of this exercise.");
  const verified = row.status === "verified_pass" || row.status === "verified_fail";
  return {
    status: row.status,
    testsPassed: row.testsPassed,
    testsTotal: row.testsTotal,
    results: (row.results ?? []) as unknown as TestResult[],
    message: row.verifyMessage,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    claimedPassed: row.claimedPassed,
    claimedTestsPassed: row.claimedTestsPassed,
    disagrees: (verified && (row.status === "verified_pass") !== row.claimedPassed) || (row.status === "error" && row.claimedPassed),
    progress: await getProgress(db, userId, exerciseId),
  };
}

/**
 * The view with the server's results worded for a page in another language: the sandbox grades in
 * English; test names and the harness's sentences are looked up in the exercise's translation
 * (lib/grading/recorded-words.ts), anything else (the learner's own error text) stays as recorded.
 */
export function inWordsOf(view: RunStatusView, words: Translator): RunStatusView {
  return { ...view, results: view.results.map((r) => ({ ...r, name: words.testName(r.name), message: r.message && words.specText(r.message) })) };
}
