/**
 * The verification queue: pg-boss on the site's own PostgreSQL (or the embedded PGlite server),
 * so every app instance and every extra `npm run worker` share one queue with no extra service
 * (decision 018). One job per recorded run, `{ attemptId }`. Jobs are rows in the database: they
 * survive a restart, and a job whose worker died is expired by pg-boss and retried.
 */
import PgBoss from "pg-boss";
import { MAX_VERIFY_TRIES } from "./verify-attempt";

import { QUEUE_SCHEMA, VERIFY_QUEUE } from "./queue-names";

export { QUEUE_SCHEMA, VERIFY_QUEUE } from "./queue-names";

export interface VerifyJob {
  attemptId: string;
}

export const JOB_OPTIONS = {
  // One more than the tries the worker allows: the last delivery only records the error.
  retryLimit: MAX_VERIFY_TRIES,
  retryDelay: 1,
  // A job still active after this was taken by a worker that died: pg-boss hands it out again.
  expireInSeconds: 120,
} satisfies PgBoss.SendOptions;

export type QueueRole = "producer" | "worker";

/** Starts pg-boss on `url` and makes sure the queue exists. A producer only sends (no maintenance). */
export async function openQueue(url: string, role: QueueRole): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: QUEUE_SCHEMA,
    max: 2,
    supervise: role === "worker",
    schedule: false,
    application_name: `academy-verify-${role}`,
  });
  boss.on("error", (error) => console.error(`[verify] queue error: ${error.message}`));
  await boss.start();
  await boss.createQueue(VERIFY_QUEUE);
  return boss;
}

export async function sendVerifyJobs(boss: PgBoss, attemptIds: readonly string[]): Promise<void> {
  if (attemptIds.length === 0) return;
  await boss.insert(attemptIds.map((attemptId) => ({ name: VERIFY_QUEUE, data: { attemptId } satisfies VerifyJob, ...JOB_OPTIONS })));
}
