/**
 * The exercise verification worker (decision 018).
 *
 *   npm run worker        DATABASE_URL set: that PostgreSQL server, shared with the app instances;
 *                         unset: the embedded database of the site running here (npm start / dev)
 *
 * `npm run dev` and `npm start` start one beside the site by themselves (scripts/with-db.ts),
 * so a one-machine set-up needs nothing else; start more with `npm run worker` on any machine
 * that reaches the database.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../lib/db/create-client";
import { runningEmbeddedUrl } from "../lib/db/embedded-server";
import { parseDatabaseEnv } from "../lib/env";
import { startSandboxThread } from "../lib/verification/sandbox/sandbox-thread";
import { startVerificationWorker } from "../lib/verification/worker";

async function main() {
  const root = path.resolve(__dirname, "..");
  // The same .env files the launcher reads; variables already set win.
  for (const file of [".env", ".env.local"]) if (existsSync(path.join(root, file))) process.loadEnvFile(path.join(root, file));
  const env = parseDatabaseEnv(process.env);
  const url = env.DATABASE_URL ?? (await runningEmbeddedUrl(path.resolve(root, env.EMBEDDED_DB_DIR)));
  if (!url) {
    console.error("No database: set DATABASE_URL to the site's PostgreSQL server, or start the site here first (npm start / npm run dev start a worker themselves).");
    process.exit(2);
  }
  const db = createPrismaClient(url, 2);
  const sandbox = startSandboxThread();
  const worker = await startVerificationWorker({ db, url, run: (id, source, limits) => sandbox.run(id, source, limits) });
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
