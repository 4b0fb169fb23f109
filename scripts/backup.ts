/**
 * Backups of the whole database as one JSON file (lib/db/backup.ts), README "Production":
 *   npm run db:backup [-- --out backups/academy.json]       (default: backups/academy-<time>.json)
 *   npm run db:restore -- backups/academy.json [--replace]
 * Works on DATABASE_URL, or on the embedded database, also while the site is running (the backup
 * is one consistent snapshot). A restore goes into an empty database unless --replace is given.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { createBackup, parseBackup, restoreBackup } from "../lib/db/backup";
import { withCommandDatabase } from "../lib/db/command-database";

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { out: { type: "string" }, replace: { type: "boolean" } } });
  if (command === "backup") {
    const out = path.resolve(values.out ?? path.join("backups", `academy-${new Date().toISOString().replace(/[:.]/g, "-")}.json`));
    const backup = await withCommandDatabase(createBackup);
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, JSON.stringify(backup), { mode: 0o600 });
    const rows = Object.values(backup.tables).reduce((n, t) => n + t.length, 0);
    console.log(`Backed up ${rows} rows from ${Object.keys(backup.tables).length} tables to ${out}`);
  } else if (command === "restore" && positionals[0]) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(positionals[0], "utf8"));
    } catch (error) {
      throw new Error(`Cannot read ${positionals[0]} as JSON: ${(error as Error).message}`);
    }
    const backup = parseBackup(json);
    const { rows } = await withCommandDatabase((url) => restoreBackup(url, backup, { replace: values.replace }));
    console.log(`Restored ${Object.values(rows).reduce((a, b) => a + b, 0)} rows (backup of ${backup.createdAt}).`);
  } else {
    throw new Error("usage: npm run db:backup [-- --out <file>]  |  npm run db:restore -- <file> [--replace]");
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
