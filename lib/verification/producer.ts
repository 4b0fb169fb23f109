import "server-only";
import type PgBoss from "pg-boss";
import { getEnv } from "@/lib/env";
import { openQueue, sendVerifyJobs } from "./queue";

/**
 * The web process's side of the queue: after a run is recorded, one job to verify it.
 * If the queue cannot be reached the run stays "pending" and the worker's sweep queues it
 * (lib/verification/worker.ts), so a request never fails because of the queue.
 */
const holder = globalThis as unknown as { verifyQueue?: Promise<PgBoss> };

function queue(): Promise<PgBoss> {
  const url = getEnv().DATABASE_URL;
  if (!url) return Promise.reject(new Error("DATABASE_URL is not set"));
  holder.verifyQueue ??= openQueue(url, "producer");
  holder.verifyQueue.catch(() => (holder.verifyQueue = undefined));
  return holder.verifyQueue;
}

export async function queueVerification(attemptIds: readonly string[]): Promise<void> {
  try {
    await sendVerifyJobs(await queue(), attemptIds);
  } catch (error) {
    console.error(`[verify] could not queue ${attemptIds.length} run(s); the worker's sweep will: ${error instanceof Error ? error.message : String(error)}`);
  }
}
