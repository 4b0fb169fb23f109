/**
 * What a load balancer or a monitor asks: can this instance reach its database, and is the
 * schema fully migrated? And how many exercise runs wait for the server's check. Framework-free.
 */
import type { PrismaClient } from "./create-client";
import { OPEN_JOB_STATES, QUEUE_SCHEMA, VERIFY_QUEUE } from "../verification/queue-names";

export interface Health {
  ok: boolean;
  database: "reachable" | "unreachable";
  migrations: { applied: number; pending: string[] } | null;
  /** Verification jobs not finished yet (waiting, retrying or running); null before the queue exists. */
  queueDepth: number | null;
  checkedAt: string;
}

/** Null when pg-boss has not created its schema yet (no worker or submission so far). */
async function queueDepth(db: PrismaClient): Promise<number | null> {
  try {
    const rows = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND state::text = ANY($2::text[])`,
      VERIFY_QUEUE,
      [...OPEN_JOB_STATES],
    );
    return rows[0]?.n ?? 0;
  } catch {
    return null;
  }
}

export async function checkHealth(db: PrismaClient, migrationNames: string[]): Promise<Health> {
  const checkedAt = new Date().toISOString();
  try {
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const applied = new Set(rows.map((r) => r.migration_name));
    const pending = migrationNames.filter((name) => !applied.has(name));
    return { ok: pending.length === 0, database: "reachable", migrations: { applied: applied.size, pending }, queueDepth: await queueDepth(db), checkedAt };
  } catch {
    return { ok: false, database: "unreachable", migrations: null, queueDepth: null, checkedAt };
  }
}
