/**
 * A fresh, migrated database for one integration test file.
 * - TEST_DATABASE_URL set (CI): a new database on that PostgreSQL server, dropped afterwards.
 * - otherwise: an in-memory embedded PGlite server (the same wire protocol and adapter the app uses).
 * Integration tests therefore run against both set-ups: CI runs the suite twice.
 */
import { afterAll, beforeAll } from "@jest/globals";
import { migrate } from "../../lib/db/migrate";
import { createPrismaClient, type PrismaClient } from "../../lib/db/create-client";
import { MIGRATIONS_DIR, startPgliteProcess } from "./pglite-server";
import { createScratchDatabase } from "./scratch-database";

export { MIGRATIONS_DIR, startPgliteProcess };

export interface TestDatabase {
  url: string;
  db: PrismaClient;
  kind: "postgresql" | "pglite";
  stop(): Promise<void>;
}


/** Where the file's database lives: its URL, and how to remove it once the file is done. */
async function provision(): Promise<{ url: string; kind: TestDatabase["kind"]; remove(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const scratch = await createScratchDatabase(serverUrl, "academy_test");
    return { url: scratch.url, kind: "postgresql", remove: scratch.drop };
  }
  const embedded = await startPgliteProcess();
  await migrate(embedded.url, MIGRATIONS_DIR);
  return { url: embedded.url, kind: "pglite", remove: embedded.stop };
}

export async function startTestDatabase(poolSize = 5): Promise<TestDatabase> {
  const { url, kind, remove } = await provision();
  const db = createPrismaClient(url, poolSize);
  return {
    url,
    db,
    kind,
    async stop() {
      await db.$disconnect();
      await remove();
    },
  };
}

/**
 * A fresh database for the test file that calls this at its top level: started before its
 * first test, stopped after its last. Read `t.db` (and `url`, `kind`) inside tests and hooks.
 */
export function setUpTestDatabase(poolSize = 5): TestDatabase {
  let current: TestDatabase | undefined;
  // Starting a database (and migrating it) can take a while on a busy machine.
  beforeAll(async () => {
    current = await startTestDatabase(poolSize);
  }, 180_000);
  afterAll(async () => current?.stop());
  const started = () => {
    if (!current) throw new Error("The test database starts in beforeAll: use it inside a test or a hook.");
    return current;
  };
  return {
    get url() {
      return started().url;
    },
    get db() {
      return started().db;
    },
    get kind() {
      return started().kind;
    },
    stop: () => started().stop(),
  };
}
