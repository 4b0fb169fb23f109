/**
 * The migrations folder and an in-memory PGlite server in a child process, without Jest: the
 * benches (bench/*.ts, run by tsx) use these too, and test-db.ts's Jest hooks cannot load there.
 */
import path from "node:path";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

export const MIGRATIONS_DIR = path.join(__dirname, "..", "..", "prisma", "migrations");

/**
 * A PGlite server in a child process (see tests/support/pglite-process.ts): in memory, or on a
 * data folder as the app runs it (`dataDir`, a folder that does not exist yet).
 */
export async function startPgliteProcess(options: { dataDir?: string } = {}): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const tsx = path.join(__dirname, "..", "..", "node_modules", ".bin", "tsx");
  const env = options.dataDir ? { ...process.env, PGLITE_DATA_DIR: options.dataDir } : process.env;
  const child = spawn(tsx, [path.join(__dirname, "pglite-process.ts")], { stdio: ["pipe", "pipe", "inherit"], env });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", (line) => resolve((JSON.parse(line) as { url: string }).url));
    child.once("exit", (code) => reject(new Error(`PGlite test server exited with code ${code}`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
