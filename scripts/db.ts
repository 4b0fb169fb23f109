/**
 * Database chores (see README "Database"):
 *   tsx scripts/db.ts migrate                 apply pending migrations to DATABASE_URL (deploy step)
 *   tsx scripts/db.ts seed                    create the demo accounts (refused in production)
 *   tsx scripts/db.ts new-migration <name>    write prisma/migrations/<timestamp>_<name>/ for the
 *                                             change between the last committed schema and the current one
 *   tsx scripts/db.ts check                   fail if the migrations do not produce the schema (drift)
 */
import { execFile } from "node:child_process";
import { mkdir, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { startEmbeddedDatabase } from "../lib/db/embedded-server";
import { migrate } from "../lib/db/migrate";
import { createPrismaClient } from "../lib/db/create-client";
import { seedDemoWorld } from "../lib/db/seed";
import { parseEnv } from "../lib/env";
import { schemaSnapshot } from "../lib/db/schema-snapshot";

const run = promisify(execFile);
const root = path.resolve(__dirname, "..");
const migrationsDir = path.join(root, "prisma", "migrations");

/** SQL that creates the given Prisma schema from nothing (prisma migrate diff, JS engine, no DB state used). */
async function sqlFor(schemaFile: string, fromSchemaFile?: string): Promise<string> {
  // The JS schema engine wants a reachable database even for a pure diff: give it a throwaway one.
  const scratch = await startEmbeddedDatabase({ dataDir: "memory://" });
  try {
    const from = fromSchemaFile ? ["--from-schema-datamodel", fromSchemaFile] : ["--from-empty"];
    const { stdout } = await run("npx", ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", schemaFile, "--script"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: scratch.url },
    });
    return stdout;
  } finally {
    await scratch.stop();
  }
}

async function main() {
  const [command, arg] = process.argv.slice(2);
  if (command === "migrate") {
    const env = parseEnv(process.env);
    if (!env.DATABASE_URL) throw new Error("Set DATABASE_URL to the PostgreSQL server to migrate (the embedded database is migrated by npm run dev / npm start).");
    const { applied } = await migrate(env.DATABASE_URL, migrationsDir);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Nothing to apply: the schema is up to date.");
  } else if (command === "seed") {
    const env = parseEnv(process.env);
    if (!env.DATABASE_URL) throw new Error("Set DATABASE_URL.");
    const db = createPrismaClient(env.DATABASE_URL, 1);
    try {
      for (const line of await seedDemoWorld(db, env.NODE_ENV)) console.log(line);
    } finally {
      await db.$disconnect();
    }
  } else if (command === "new-migration") {
    if (!arg || !/^[a-z0-9_]+$/.test(arg)) throw new Error("usage: tsx scripts/db.ts new-migration <name_in_snake_case>");
    const tmp = await mkdtemp(path.join(tmpdir(), "schema-"));
    const previous = path.join(tmp, "previous.prisma");
    const { stdout } = await run("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root });
    await writeFile(previous, stdout);
    const sql = await sqlFor(path.join(root, "prisma", "schema.prisma"), previous);
    if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
      console.log("The schema did not change since the last commit: no migration written.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${arg}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(root, dir)}/migration.sql`);
  } else if (command === "check") {
    // Drift check: the schema built by the migrations must equal the schema built from schema.prisma.
    const fromMigrations = await startEmbeddedDatabase({ dataDir: "memory://" });
    const fromSchema = await startEmbeddedDatabase({ dataDir: "memory://" });
    try {
      await migrate(fromMigrations.url, migrationsDir);
      const sql = await sqlFor(path.join(root, "prisma", "schema.prisma"));
      const client = new (await import("pg")).default.Client({ connectionString: fromSchema.url });
      await client.connect();
      await client.query(sql);
      await client.end();
      const a = JSON.stringify(await schemaSnapshot(fromMigrations.url), null, 1);
      const b = JSON.stringify(await schemaSnapshot(fromSchema.url), null, 1);
      if (a !== b) {
        console.error("Drift: prisma/schema.prisma and prisma/migrations disagree. Run: tsx scripts/db.ts new-migration <name>");
        process.exit(1);
      }
      console.log("No drift: the migrations produce exactly the schema in prisma/schema.prisma.");
    } finally {
      await fromMigrations.stop();
      await fromSchema.stop();
    }
  } else {
    console.error("usage: tsx scripts/db.ts migrate | seed | new-migration <name> | check");
    process.exit(2);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
