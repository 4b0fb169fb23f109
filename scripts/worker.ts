/**
 * The exercise verification worker (decision 018).
 *
 *   npm run worker        (DATABASE_URL set: a PostgreSQL server shared with the app instances)
 *
 * `npm run dev` and `npm start` start one beside the site by themselves (scripts/with-db.ts),
 * so a one-machine set-up needs nothing else; start more with `npm run worker` on any machine
 * that reaches the database.
 */
import { createPrismaClient } from "../lib/db/create-client";
import { parseEnv } from "../lib/env";
import { startSandboxThread } from "../lib/verification/sandbox/sandbox-thread";
import { startVerificationWorker } from "../lib/verification/worker";

async function main() {
  const env = parseEnv(process.env);
  if (!env.DATABASE_URL) {
    console.error("DATABASE_URL is not set: point it at the site's PostgreSQL server (npm run dev / npm start start a worker themselves).");
    process.exit(2);
  }
  const db = createPrismaClient(env.DATABASE_URL, 2);
  const sandbox = startSandboxThread();
  const worker = await startVerificationWorker({ db, url: env.DATABASE_URL, run: (id, source, limits) => sandbox.run(id, source, limits) });
  console.log("[verify] worker ready");
  const stop = () =>
    void worker
      .stop()
      .then(() => Promise.all([db.$disconnect(), sandbox.close()]))
      .finally(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
