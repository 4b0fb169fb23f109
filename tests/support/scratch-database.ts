/**
 * A new, migrated database on a PostgreSQL server whose user may CREATE DATABASE, for one test
 * file (test-db.ts) or one bench run, dropped (WITH (FORCE)) when done. No Jest hooks: the benches
 * (bench/*.ts, run by tsx) use it too.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrate } from "../../lib/db/migrate";
import { MIGRATIONS_DIR } from "./pglite-server";

export interface ScratchDatabase {
  /** The database's name on the server. */
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Runs one statement on the server's own database. */
async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates `<prefix>_<random hex>` on the server and applies the migrations (dropping it again if they fail). */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const drop = () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  try {
    await migrate(url.toString(), MIGRATIONS_DIR);
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, url: url.toString(), drop };
}
