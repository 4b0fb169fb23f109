/**
 * The verification queue and worker on a real database (PGlite locally, PostgreSQL with
 * TEST_DATABASE_URL): a job queued while no worker runs is verified once one starts (jobs are
 * rows: they survive a restart), a pending run without a job is swept into the queue, a run
 * whose tries all died ends as "error", and /api/health's queueDepth counts what is waiting.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startTestDatabase, type TestDatabase } from "@/tests/support/test-db";
import { claimedPass } from "@/tests/support/claimed-runs";
import { recordAttempt } from "@/lib/exercises/attempts";
import { checkHealth } from "@/lib/db/health";
import { openQueue, sendVerifyJobs } from "./queue";
import { MAX_VERIFY_TRIES } from "./verify-attempt";
import { startVerificationWorker, type RunningWorker } from "./worker";

let t: TestDatabase;
let userId: string;
const solution = readFileSync(path.join(__dirname, "..", "..", "exercises", "softmax", "solution.ts"), "utf8");

beforeAll(async () => {
  t = await startTestDatabase(4);
  userId = (await t.db.user.create({ data: { email: `queue-${randomUUID()}@example.test`, name: "Queued" } })).id;
});
afterAll(async () => {
  await t?.stop();
});

async function record(code = solution) {
  const { attemptId } = await recordAttempt(t.db, userId, "softmax", claimedPass(code));
  return attemptId;
}

async function statusOf(attemptId: string, timeoutMs = 30_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const row = await t.db.exerciseAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true } });
    if (row.status !== "pending" || Date.now() > until) return row.status;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const depth = async () => (await checkHealth(t.db, [])).queueDepth;

describe(`the verification queue (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  let worker: RunningWorker | undefined;
  afterAll(async () => {
    await worker?.stop();
  });

  it("verifies a run queued while no worker was running, once a worker starts", async () => {
    expect(await depth()).toBeNull(); // no queue yet
    const producer = await openQueue(t.url, "producer");
    const attemptId = await record();
    await sendVerifyJobs(producer, [attemptId]);
    await producer.stop({ graceful: false, wait: true });
    expect(await depth()).toBe(1);
    expect(await statusOf(attemptId, 500)).toBe("pending");

    worker = await startVerificationWorker({ db: t.db, url: t.url, log: () => {} });
    expect(await statusOf(attemptId)).toBe("verified_pass");
    // The job is done: nothing waits any more.
    const until = Date.now() + 10_000;
    while ((await depth()) !== 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await depth()).toBe(0);
  });

  it("sweeps a pending run that has no job into the queue", async () => {
    const attemptId = await record("export function softmax(x) { return x; }");
    expect(await worker!.sweep()).toBe(1);
    expect(await statusOf(attemptId)).toBe("verified_fail");
    expect(await worker!.sweep()).toBe(0);
  });

  it("marks a run 'error' once its tries are used up (each earlier try died mid-run)", async () => {
    const attemptId = await record();
    await t.db.exerciseAttempt.update({ where: { id: attemptId }, data: { verifyTries: MAX_VERIFY_TRIES } });
    await worker!.sweep();
    expect(await statusOf(attemptId)).toBe("error");
    const row = await t.db.exerciseAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(row.verifyMessage).toMatch(/after 3 tries/);
    expect(row.passed).toBe(false);
  });
});
