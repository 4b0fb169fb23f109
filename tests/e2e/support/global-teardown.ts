import type { ChildProcess } from "node:child_process";

export default async function globalTeardown() {
  const child = (globalThis as { __E2E_SERVER__?: ChildProcess }).__E2E_SERVER__;
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, "SIGTERM"); // the whole group: launcher, embedded database, next
  } catch {
    return;
  }
  await new Promise((resolve) => {
    const timer = setTimeout(resolve, 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(undefined);
    });
  });
}
