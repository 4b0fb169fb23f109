/**
 * A Prisma client that counts the SQL statements it sends (Prisma's `query` log event), for tests
 * and benchmarks that check a dashboard's query count does not grow with the number of learners.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { CONNECTION_OPTIONS, type PrismaClient as AppPrismaClient } from "../../lib/db/create-client";

export interface CountingClient {
  db: AppPrismaClient;
  /** Statements sent since the last reset (transaction BEGIN/COMMIT included). */
  count(): number;
  /** The statements themselves, for a failing test's message. */
  statements(): string[];
  reset(): void;
  close(): Promise<void>;
}

export function createCountingClient(databaseUrl: string, poolSize = 5): CountingClient {
  const client = new PrismaClient({
    // Idle connections stay open for a minute, so a benchmark reads the same database processes throughout.
    // The app's session settings (JIT off), so a benchmark measures what the app runs.
    adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize, idleTimeoutMillis: 60_000, options: CONNECTION_OPTIONS }),
    log: [{ emit: "event", level: "query" }],
  });
  let seen: string[] = [];
  client.$on("query", (event) => {
    seen.push(event.query);
  });
  return {
    db: client as unknown as AppPrismaClient,
    count: () => seen.length,
    statements: () => [...seen],
    reset: () => {
      seen = [];
    },
    close: () => client.$disconnect(),
  };
}
