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

/** A lock file stops a second launcher from opening the same data folder. */
async function takeLock(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.lock`);
  try {
    const pid = Number((await readFile(lockFile, "utf8")).trim());
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
  return () => rm(lockFile, { force: true });
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
  let releaseLock = async () => {};
  if (!inMemory) {
    await mkdir(path.dirname(options.dataDir), { recursive: true });
    releaseLock = await takeLock(options.dataDir);
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
  let stopped = false;
  return {
    port,
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      await releaseLock();
    },
  };
}
