/** Framework-free construction of a Prisma client (scripts, tests, benchmarks). The app uses lib/db/client.ts. */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";

/**
 * Session settings for every connection the app opens (PostgreSQL's startup `options`):
 * - jit=off: the dashboard's analytics queries cross PostgreSQL's JIT cost thresholds on large
 *   cohorts, and compiling them took longer than running them (481 of the roster's 710 ms at
 *   10,000 learners); the app's statements are short, so compilation never pays back.
 * PGlite (no JIT in its build) accepts and ignores them. docs/decisions/035-dashboard-and-write-tail.md.
 */
export const CONNECTION_OPTIONS = "-c jit=off";

export function createPrismaClient(databaseUrl: string, poolSize = 5): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize, options: CONNECTION_OPTIONS }),
    // The embedded server runs one transaction at a time across all connections, so under a burst
    // (two tabs, a classroom submitting at once) a transaction may wait for the pool longer than
    // Prisma's 2 s default before it starts. Waiting is right; failing the learner's write is not.
    transactionOptions: { maxWait: 15_000, timeout: 20_000 },
  });
}

export type { PrismaClient };
