/**
 * The server the end-to-end tests talk to. E2E_BASE_URL reuses a running site (handy while
 * developing: `npm run dev`, then `E2E_BASE_URL=http://localhost:3000 npm run test:e2e`).
 * Otherwise global-setup starts the production build (scripts/serve.ts, as `npm start` does) on a fresh embedded
 * database in a temp folder, seeded with the demo accounts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const baseUrl = () => process.env.E2E_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;

export async function waitForHttp(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`Server exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export function startProductionServer(port: number, extraEnv: Record<string, string | undefined> = {}): ChildProcess {
  const dataDir = mkdtempSync(path.join(tmpdir(), "academy-e2e-db-"));
  const env = {
    ...process.env,
    EMBEDDED_DB_DIR: path.join(dataDir, "pglite"),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
    ...extraEnv,
  };
  return spawn("npx", ["tsx", "scripts/with-db.ts", "--seed", "--worker", "--", "npx", "tsx", "scripts/serve.ts", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: process.cwd(),
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
}
