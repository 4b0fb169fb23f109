import "server-only";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";
import { getEnv } from "@/lib/env";

/**
 * The app's one database client. Always PostgreSQL through @prisma/adapter-pg: a real server
 * when DATABASE_URL is set by the operator, else the embedded PGlite server that the launcher
 * (scripts/with-db.ts) started and exported as DATABASE_URL.
 */
function createClient(): PrismaClient {
  const env = getEnv();
  if (!env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which start the embedded database, " +
        "or set DATABASE_URL to your PostgreSQL server.",
    );
  }
  return createPrismaClient(env.DATABASE_URL, env.DB_POOL_SIZE);
}

// One client per process, also across hot reloads in development.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function getDb(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}
