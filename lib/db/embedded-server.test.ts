/**
 * The embedded server shares one PGlite backend between connections: each request must get its
 * own answer however the connections' messages arrive (see lib/db/request-cycle-queue.ts).
 */
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import pg from "pg";
import { startPgliteProcess } from "../../tests/support/test-db";

let server: Awaited<ReturnType<typeof startPgliteProcess>>;
let pool: pg.Pool;
beforeAll(async () => {
  server = await startPgliteProcess();
  pool = new pg.Pool({ connectionString: server.url, max: 8 });
  await pool.query("CREATE TABLE note (owner text, body text)");
}, 120_000);
afterAll(async () => {
  await pool?.end();
  await server?.stop();
});

test("concurrent requests on different connections each get their own rows", async () => {
  const mixups: string[] = [];
  const errors: string[] = [];
  for (let round = 0; round < 40; round++) {
    await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const mine = `round ${round}, request ${i}`;
        try {
          if (i % 2 === 1) {
            // A write inside a transaction, as Prisma's interactive transactions send it.
            const client = await pool.connect();
            try {
              await client.query("BEGIN");
              await client.query("INSERT INTO note (owner, body) VALUES ($1, $2)", [`learner ${i}`, mine]);
              await client.query("COMMIT");
            } finally {
              client.release();
            }
          } else {
            const { rows } = await pool.query<{ echo: string }>("SELECT $1::text AS echo", [mine]);
            if (rows[0]?.echo !== mine) mixups.push(`${mine} got ${JSON.stringify(rows[0])}`);
          }
        } catch (error) {
          errors.push((error as Error).message);
        }
      }),
    );
  }
  expect(errors).toEqual([]);
  expect(mixups).toEqual([]);
  const { rows } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM note");
  expect(rows[0].n).toBe(40 * 4);
});

test("a connection that drops in the middle of a request does not stall the others", async () => {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  const pending = client.query("SELECT pg_sleep(0.05), $1::text AS x", ["left behind"]).catch(() => null);
  await client.end().catch(() => undefined);
  await pending;
  const { rows } = await pool.query<{ ok: string }>("SELECT $1::text AS ok", ["still answering"]);
  expect(rows[0].ok).toBe("still answering");
});
