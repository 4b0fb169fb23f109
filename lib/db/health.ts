/**
 * What a load balancer or a monitor asks: can this instance reach its database, and is the
 * schema fully migrated? (A job queue will add its depth here; there is none yet.) Framework-free.
 */
import type { PrismaClient } from "./create-client";

export interface Health {
  ok: boolean;
  database: "reachable" | "unreachable";
  migrations: { applied: number; pending: string[] } | null;
  /** Jobs waiting in the queue; null while the site has no job queue. */
  queueDepth: number | null;
  checkedAt: string;
}

export async function checkHealth(db: PrismaClient, migrationNames: string[]): Promise<Health> {
  const checkedAt = new Date().toISOString();
  try {
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const applied = new Set(rows.map((r) => r.migration_name));
    const pending = migrationNames.filter((name) => !applied.has(name));
    return { ok: pending.length === 0, database: "reachable", migrations: { applied: applied.size, pending }, queueDepth: null, checkedAt };
  } catch {
    return { ok: false, database: "unreachable", migrations: null, queueDepth: null, checkedAt };
  }
}
