/**
 * Launcher: makes sure a migrated (and, in development, seeded) database exists, then runs a
 * command (next dev / next start / a test runner) with DATABASE_URL pointing at it.
 *
 *   tsx scripts/with-db.ts [--seed] [--worker] -- <command...>
 *
 * DATABASE_URL set   -> use that PostgreSQL server (migrations applied first).
 * DATABASE_URL unset -> start the embedded PGlite server on data/pglite (created on first run)
 *                       inside THIS process, the only one that opens the data folder.
 * In development a NEXTAUTH_SECRET is generated once and kept in data/nextauth-secret.
 * --worker also starts the exercise verification worker (scripts/worker.ts) beside the command,
 * as its own process so learner code never shares the site's event loop; it restarts if it dies.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../lib/db/embedded-server";
import { migrate } from "../lib/db/migrate";
import { createPrismaClient } from "../lib/db/create-client";
import { seedDemoWorld } from "../lib/db/seed";
import { parseEnv } from "../lib/env";

const root = path.resolve(__dirname, "..");

async function developmentSecret(): Promise<string> {
  const file = path.join(root, "data", "nextauth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

async function main() {
  const argv = process.argv.slice(2);
  const split = argv.indexOf("--");
  const flags = split === -1 ? argv : argv.slice(0, split);
  const command = split === -1 ? [] : argv.slice(split + 1);
  if (command.length === 0) {
    console.error("usage: tsx scripts/with-db.ts [--seed] -- <command...>");
    process.exit(2);
  }

  for (const file of [".env", ".env.local"]) {
    if (existsSync(path.join(root, file))) process.loadEnvFile(path.join(root, file));
  }
  const env = parseEnv(process.env); // a malformed value stops us here with a clear message
  // No telemetry: the site must not call any host (and classrooms may be offline).
  const childEnv: NodeJS.ProcessEnv = { NEXT_TELEMETRY_DISABLED: "1", ...process.env };
  if (!env.NEXTAUTH_SECRET && env.NODE_ENV !== "production") {
    childEnv.NEXTAUTH_SECRET = await developmentSecret();
  }

  let embedded: EmbeddedDatabase | undefined;
  if (!env.DATABASE_URL) {
    const dataDir = path.resolve(root, env.EMBEDDED_DB_DIR);
    const firstRun = !existsSync(dataDir);
    console.log(`[db] ${firstRun ? "creating" : "opening"} the embedded database at ${path.relative(root, dataDir)} ...`);
    embedded = await startEmbeddedDatabase({ dataDir });
    childEnv.DATABASE_URL = embedded.url;
  }
  const databaseUrl = childEnv.DATABASE_URL!;

  const { applied } = await migrate(databaseUrl, path.join(root, "prisma", "migrations"));
  console.log(applied.length ? `[db] applied migrations: ${applied.join(", ")}` : "[db] schema is up to date");

  if (flags.includes("--seed")) {
    const db = createPrismaClient(databaseUrl, 1);
    try {
      const lines = await seedDemoWorld(db, env.NODE_ENV);
      console.log("[db] demo accounts (local use only):");
      for (const line of lines) console.log(`       ${line}`);
    } finally {
      await db.$disconnect();
    }
  }

  let stopping = false;
  const workers = new Set<ChildProcess>();
  const startWorker = () => {
    const worker = spawn(process.execPath, [...process.execArgv, path.join(root, "scripts", "worker.ts")], { stdio: "inherit", env: childEnv, cwd: root });
    workers.add(worker);
    worker.on("exit", (code, signal) => {
      workers.delete(worker);
      if (stopping) return;
      console.error(`[verify] worker stopped (${signal ?? code}); starting a new one in 2 s`);
      setTimeout(startWorker, 2000).unref();
    });
  };
  if (flags.includes("--worker")) for (let i = 0; i < env.VERIFY_WORKERS; i++) startWorker();

  const child = spawn(command[0], command.slice(1), { stdio: "inherit", env: childEnv, cwd: root, shell: process.platform === "win32" });
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const exited = [...workers].map((worker) => {
      const done = new Promise((resolve) => worker.once("exit", resolve));
      worker.kill("SIGTERM");
      return done;
    });
    await Promise.race([Promise.all(exited), new Promise((resolve) => setTimeout(resolve, 5000))]);
    await embedded?.stop().catch((error) => console.error("[db] error while closing:", error));
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (!child.killed) child.kill(signal);
    });
  }
  child.on("exit", (code, signal) => void stop(code ?? (signal ? 1 : 0)));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
