/**
 * The verification worker: takes jobs from the queue one at a time (the sandbox uses a whole
 * core while it runs) and verifies each run. On start and then every minute it also queues
 * every "pending" run that has no job waiting (a run recorded while the queue was unreachable,
 * or before this feature existed), so nothing stays pending for good.
 * Started by scripts/worker.ts: beside `next` by the launcher, or alone as `npm run worker`.
 */
import type PgBoss from "pg-boss";
import type { PrismaClient } from "../db/create-client";
import { openQueue, sendVerifyJobs, type VerifyJob } from "./queue";
import { QUEUE_SCHEMA, VERIFY_QUEUE } from "./queue-names";
import { verifyAttempt, type SandboxRunner } from "./verify-attempt";

export interface WorkerOptions {
  db: PrismaClient;
  url: string;
  /** How often an idle worker asks for jobs (pg-boss's minimum is 0.5 s). */
  pollSeconds?: number;
  sweepEveryMs?: number;
  log?: (line: string) => void;
  /** How learner code is run; scripts/worker.ts passes the watched thread. */
  run?: SandboxRunner;
}

export interface RunningWorker {
  boss: PgBoss;
  /** Queues pending runs that have no job; returns how many. */
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

/** Pending runs with no job waiting or running for them. */
async function orphanedPendingRuns(db: PrismaClient): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT a.id FROM "ExerciseAttempt" a
     WHERE a.status = 'pending'
       AND NOT EXISTS (SELECT 1 FROM ${QUEUE_SCHEMA}.job j
                       WHERE j.name = $1 AND j.state IN ('created', 'retry', 'active') AND j.data->>'attemptId' = a.id)
     ORDER BY a."createdAt" LIMIT 1000`,
    VERIFY_QUEUE,
  );
  return rows.map((r) => r.id);
}

export async function startVerificationWorker(options: WorkerOptions): Promise<RunningWorker> {
  const log = options.log ?? ((line: string) => console.log(line));
  const boss = await openQueue(options.url, "worker");
  const sweep = async () => {
    const ids = await orphanedPendingRuns(options.db);
    await sendVerifyJobs(boss, ids);
    if (ids.length > 0) log(`[verify] queued ${ids.length} pending run(s)`);
    return ids.length;
  };
  await sweep();
  const timer = setInterval(() => void sweep().catch((e: Error) => log(`[verify] sweep failed: ${e.message}`)), options.sweepEveryMs ?? 60_000);
  timer.unref();
  await boss.work<VerifyJob>(VERIFY_QUEUE, { batchSize: 1, pollingIntervalSeconds: options.pollSeconds ?? 0.5 }, async ([job]) => {
    const outcome = await verifyAttempt(options.db, job.data.attemptId, options.run);
    if (outcome !== "skipped") log(`[verify] ${job.data.attemptId}: ${outcome}`);
  });
  return {
    boss,
    sweep,
    async stop() {
      clearInterval(timer);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
