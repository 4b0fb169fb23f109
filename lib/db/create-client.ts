/** Framework-free construction of a Prisma client (scripts, tests, benchmarks). The app uses lib/db/client.ts. */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";

export function createPrismaClient(databaseUrl: string, poolSize = 5): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }),
    // The embedded server runs one transaction at a time across all connections, so under a burst
    // (two tabs, a classroom submitting at once) a transaction may wait for the pool longer than
    // Prisma's 2 s default before it starts. Waiting is right; failing the learner's write is not.
    transactionOptions: { maxWait: 15_000, timeout: 20_000 },
  });
}

export type { PrismaClient };
