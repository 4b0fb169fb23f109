import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startTestDatabase, type TestDatabase, MIGRATIONS_DIR } from "@/tests/support/test-db";
import { createPrismaClient } from "./create-client";
import { checkHealth } from "./health";
import { readMigrations } from "./migrate";

let t: TestDatabase;
beforeAll(async () => {
  t = await startTestDatabase();
}, 120_000);
afterAll(async () => {
  await t?.stop();
});

describe("health", () => {
  it("is ok when the database answers and every migration of this build is applied", async () => {
    const names = (await readMigrations(MIGRATIONS_DIR)).map((m) => m.name);
    const health = await checkHealth(t.db, names);
    expect(health).toMatchObject({ ok: true, database: "reachable", migrations: { applied: names.length, pending: [] }, queueDepth: null });
  });

  it("is not ok, naming them, when this build has migrations the database lacks", async () => {
    const names = [...(await readMigrations(MIGRATIONS_DIR)).map((m) => m.name), "29990101000000_future"];
    expect(await checkHealth(t.db, names)).toMatchObject({ ok: false, database: "reachable", migrations: { pending: ["29990101000000_future"] } });
  });

  it("reports an unreachable database instead of throwing", async () => {
    const nowhere = createPrismaClient("postgresql://postgres:postgres@127.0.0.1:9/postgres", 1);
    try {
      expect(await checkHealth(nowhere, [])).toMatchObject({ ok: false, database: "unreachable", migrations: null });
    } finally {
      await nowhere.$disconnect();
    }
  });
});
