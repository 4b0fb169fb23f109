/**
 * Logical backups of the whole database as one JSON file, for both set-ups (embedded PGlite and
 * PostgreSQL), restorable into either. Why not pg_dump: the embedded database has no pg_dump, and
 * one format for both lets a classroom server move to PostgreSQL by restoring its backup there.
 *
 * Consistency: every table is read inside one REPEATABLE READ, READ ONLY transaction, so the file
 * is one snapshot even while the site keeps writing. Restore: into a migrated database whose tables
 * are empty (or emptied with `replace`), parents before children (foreign keys decide the order),
 * each table with PostgreSQL's own json_populate_recordset, all in one transaction.
 */
import pg from "pg";

export const BACKUP_FORMAT = "llm-academy-backup";
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  /** Names of the migrations the source database had applied. */
  migrations: string[];
  /** Table name -> its rows, as PostgreSQL's row_to_json gives them. */
  tables: Record<string, unknown[]>;
}

const MIGRATIONS_TABLE = "_prisma_migrations";

/** The application's tables (public schema, without the migrations log), parents before children. */
async function tablesInDependencyOrder(client: pg.ClientBase): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> $1 ORDER BY table_name`,
    [MIGRATIONS_TABLE],
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const unquote = (name: string) => name.replace(/^"|"$/g, "");
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set<string>()]));
  for (const e of edges) if (unquote(e.child) !== unquote(e.parent)) parents.get(unquote(e.child))?.add(unquote(e.parent));
  const ordered: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (ordered.includes(name)) return;
    if (path.includes(name)) throw new Error(`foreign keys form a cycle through ${name}`);
    for (const parent of parents.get(name) ?? []) visit(parent, [...path, name]);
    ordered.push(name);
  };
  for (const t of tables) visit(t.name, []);
  return ordered;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function createBackup(databaseUrl: string): Promise<Backup> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const names = await tablesInDependencyOrder(client);
    const tables: Record<string, unknown[]> = {};
    for (const name of names) {
      const { rows } = await client.query<{ rows: unknown[] }>(`SELECT coalesce(json_agg(t), '[]'::json) AS rows FROM ${quoteIdent(name)} t`);
      tables[name] = rows[0].rows;
    }
    const { rows: migrations } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM ${quoteIdent(MIGRATIONS_TABLE)} WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL ORDER BY migration_name`,
    );
    await client.query("COMMIT");
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), migrations: migrations.map((m) => m.migration_name), tables };
  } finally {
    await client.end();
  }
}

/** Checks that `value` is a backup this version can restore; throws a message a person understands. */
export function parseBackup(value: unknown): Backup {
  const b = value as Partial<Backup> | null;
  if (!b || b.format !== BACKUP_FORMAT) throw new Error(`This is not an LLM Academy backup (expected "format": "${BACKUP_FORMAT}").`);
  if (b.version !== BACKUP_VERSION) throw new Error(`This backup has format version ${String(b.version)}; this version of the site restores version ${BACKUP_VERSION}.`);
  if (!Array.isArray(b.migrations) || typeof b.tables !== "object" || b.tables === null) throw new Error("The backup is incomplete: it has no migrations list or no tables.");
  for (const [name, rows] of Object.entries(b.tables)) if (!Array.isArray(rows)) throw new Error(`The backup's table ${name} is not a list of rows.`);
  return b as Backup;
}

export interface RestoreResult {
  rows: Record<string, number>;
}

/**
 * Restores `backup` into a migrated database. Refuses when a table already has rows, unless
 * `replace` (then every table is emptied first, in the same transaction). Refuses a backup taken
 * with migrations this database does not have (restore into an older version of the site).
 */
export async function restoreBackup(databaseUrl: string, backup: Backup, { replace = false } = {}): Promise<RestoreResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: applied } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM ${quoteIdent(MIGRATIONS_TABLE)} WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`,
    );
    const known = new Set(applied.map((m) => m.migration_name));
    const missing = backup.migrations.filter((m) => !known.has(m));
    if (missing.length) throw new Error(`The backup was taken by a newer version of the site (migrations ${missing.join(", ")} are not applied here). Update the site first.`);
    const order = await tablesInDependencyOrder(client);
    const unknown = Object.keys(backup.tables).filter((t) => !order.includes(t));
    if (unknown.length) throw new Error(`The backup has tables this database does not: ${unknown.join(", ")}.`);

    await client.query("BEGIN");
    try {
      if (replace) {
        await client.query(`TRUNCATE ${order.map(quoteIdent).join(", ")}`);
      } else {
        for (const name of order) {
          const { rows } = await client.query(`SELECT 1 FROM ${quoteIdent(name)} LIMIT 1`);
          if (rows.length) throw new Error(`The table ${name} already has rows. Restore into an empty database, or pass --replace to overwrite everything.`);
        }
      }
      const counts: Record<string, number> = {};
      for (const name of order) {
        const rows = backup.tables[name] ?? [];
        counts[name] = rows.length;
        if (rows.length === 0) continue;
        // ON CONFLICT: the database's triggers derive rows of LearnerActivityDay from tables restored
        // before it; the backup's copy of those rows is the same (the tables start empty, see above).
        await client.query(
          `INSERT INTO ${quoteIdent(name)} SELECT * FROM json_populate_recordset(null::${quoteIdent(name)}, $1::json) ON CONFLICT DO NOTHING`,
          [JSON.stringify(rows)],
        );
      }
      await client.query("COMMIT");
      return { rows: counts };
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  } finally {
    await client.end();
  }
}
