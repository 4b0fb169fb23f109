/**
 * The database a command-line tool (npm run user, db:backup, db:restore) should use:
 * - DATABASE_URL set: that PostgreSQL server;
 * - otherwise, the embedded database: the running site's server when `npm start` / `npm run dev`
 *   holds the data folder (its URL is in the lock file), or else the folder opened here, migrated,
 *   for the duration of the command. Either way only one process ever opens the folder.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { runningEmbeddedUrl, startEmbeddedDatabase } from "./embedded-server";
import { migrate } from "./migrate";
import { parseDatabaseEnv } from "../env";

const root = path.resolve(__dirname, "..", "..");

export async function withCommandDatabase<T>(fn: (url: string) => Promise<T>, env: NodeJS.ProcessEnv = process.env): Promise<T> {
  // The same .env files the launcher reads (scripts/with-db.ts); variables already set win.
  for (const file of [".env", ".env.local"]) if (existsSync(path.join(root, file))) process.loadEnvFile(path.join(root, file));
  const parsed = parseDatabaseEnv(env);
  if (parsed.DATABASE_URL) return fn(parsed.DATABASE_URL);
  const dataDir = path.resolve(root, parsed.EMBEDDED_DB_DIR);
  const running = await runningEmbeddedUrl(dataDir);
  if (running) return fn(running);
  const embedded = await startEmbeddedDatabase({ dataDir });
  try {
    await migrate(embedded.url, path.join(root, "prisma", "migrations"));
    return await fn(embedded.url);
  } finally {
    await embedded.stop();
  }
}
