/**
 * A fresh, migrated database for one integration test file.
 * - TEST_DATABASE_URL set (CI): a new database on that PostgreSQL server, dropped afterwards.
 * - otherwise: an in-memory embedded PGlite server (the same wire protocol and adapter the app uses).
 * Integration tests therefore run against both set-ups: CI runs the suite twice.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { startEmbeddedDatabase } from "../../lib/db/embedded-server";
import { migrate } from "../../lib/db/migrate";
import { createPrismaClient, type PrismaClient } from "../../lib/db/create-client";

export interface TestDatabase {
  url: string;
  db: PrismaClient;
  kind: "postgresql" | "pglite";
  stop(): Promise<void>;
}

export const MIGRATIONS_DIR = path.join(__dirname, "..", "..", "prisma", "migrations");

export async function startTestDatabase(poolSize = 5): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `academy_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await migrate(url.toString(), MIGRATIONS_DIR);
    const db = createPrismaClient(url.toString(), poolSize);
    return {
      url: url.toString(),
      db,
      kind: "postgresql",
      async stop() {
        await db.$disconnect();
        const cleanup = new pg.Client({ connectionString: serverUrl });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
      },
    };
  }
  const embedded = await startEmbeddedDatabase({ dataDir: "memory://" });
  await migrate(embedded.url, MIGRATIONS_DIR);
  const db = createPrismaClient(embedded.url, poolSize);
  return {
    url: embedded.url,
    db,
    kind: "pglite",
    async stop() {
      await db.$disconnect();
      await embedded.stop();
    },
  };
}
