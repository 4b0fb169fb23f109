/**
 * The embedded, zero-setup database: PGlite (PostgreSQL compiled to WebAssembly) served over the
 * PostgreSQL wire protocol on 127.0.0.1, so the app talks to it exactly as it talks to a real
 * PostgreSQL server (through @prisma/adapter-pg).
 *
 * Exactly ONE process may own a data folder (two processes or two in-process instances on one
 * folder lose data): this runs inside the launcher script (scripts/with-db.ts), never inside Next.js.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { keepRequestCyclesWhole } from "./request-cycle-queue";

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder for the data, or "memory://" for a throwaway database (tests). */
  dataDir: string;
  port?: number;
  /** Must exceed the sum of all connection pools that will use it. */
  maxConnections?: number;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const lockFileOf = (dataDir: string) => path.join(path.dirname(dataDir), `${path.basename(dataDir)}.lock`);

/**
 * The URL of the embedded server that a running launcher serves for this data folder, or null
 * when no live process holds it. The lock file holds the owner's pid and, once it serves, its URL,
 * so command-line tools (npm run user, db:backup) can work while the site runs.
 */
export async function runningEmbeddedUrl(dataDir: string): Promise<string | null> {
  try {
    const [pid, url] = (await readFile(lockFileOf(dataDir), "utf8")).trim().split("\n");
    return Number(pid) && isAlive(Number(pid)) && url ? url : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** A lock file stops a second launcher from opening the same data folder. */
async function takeLock(dataDir: string): Promise<{ release: () => Promise<void>; announce: (url: string) => Promise<void> }> {
  const lockFile = lockFileOf(dataDir);
  try {
    const pid = Number((await readFile(lockFile, "utf8")).trim().split("\n")[0]);
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database at ${dataDir} is already in use by process ${pid}. ` +
          `Stop that process first (only one process may open the data folder).`,
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await writeFile(lockFile, String(process.pid));
  return {
    release: () => rm(lockFile, { force: true }),
    announce: (url) => writeFile(lockFile, `${process.pid}\n${url}`),
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const inMemory = options.dataDir.startsWith("memory://");
  let lock = { release: async () => {}, announce: async (_url: string) => {} };
  if (!inMemory) {
    await mkdir(path.dirname(options.dataDir), { recursive: true });
    lock = await takeLock(options.dataDir);
  }
  const db = await PGlite.create(inMemory ? undefined : options.dataDir);
  const port = options.port ?? (await freePort());
  const server = new PGLiteSocketServer({
    db,
    port,
    host: "127.0.0.1",
    maxConnections: options.maxConnections ?? 40,
  });
  keepRequestCyclesWhole(server);
  await server.start();
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
  await lock.announce(url);
  let stopped = false;
  return {
    port,
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      await lock.release();
    },
  };
}
