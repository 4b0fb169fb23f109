import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startTestDatabase, type TestDatabase } from "@/tests/support/test-db";

let t: TestDatabase;

beforeAll(async () => {
  t = await startTestDatabase(2);
}, 60_000);
afterAll(async () => t?.stop());

describe("the app's database connections", () => {
  it("run without JIT compilation on PostgreSQL; PGlite, which has no JIT, accepts the same settings", async () => {
    const [{ jit }] = await t.db.$queryRaw<{ jit: string }[]>`SELECT current_setting('jit') AS jit`;
    // Every connection of the pool, not only the first: two at once.
    const both = await Promise.all([0, 1].map(() => t.db.$queryRaw<{ jit: string }[]>`SELECT current_setting('jit') AS jit, pg_sleep(0.05)::text`));
    if (t.kind === "postgresql") {
      expect(jit).toBe("off");
      expect(both.map(([row]) => row.jit)).toEqual(["off", "off"]);
    } else {
      const [{ jitProvider }] = await t.db.$queryRaw<{ jitProvider: boolean }[]>`SELECT pg_jit_available() AS "jitProvider"`;
      expect(jitProvider).toBe(false);
    }
  });
});
