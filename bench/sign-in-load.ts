/**
 * Sign-in load: 50 learners sign in at once (next-auth's credentials flow over HTTP: CSRF token,
 * then the callback, each checking an argon2id hash), while another, already signed-in learner
 * keeps asking for GET /api/progress. Prints the wall time of the 50 sign-ins and that other
 * learner's latency (p50/p95/max) before and during them.
 *
 * Target: the other learner's p95 under 100 ms during the sign-ins (password hashing must not
 * block the event loop: with bcryptjs on the main thread it was 1-1.5 s, issue #15).
 *
 *   npm run build && npx tsx bench/sign-in-load.ts             # starts its own production server
 *   BENCH_BASE_URL=http://127.0.0.1:3000 npx tsx bench/sign-in-load.ts   # or a running one
 *
 * Options: --users=50 (concurrent sign-ins), BENCH_PORT (own server's port, default 3290),
 * BENCH_DATABASE_URL (an empty PostgreSQL database for the own server; default: the embedded one).
 * The accounts are created through POST /api/account first (not timed). The other learner polls
 * one request at a time, back to back; each latency is one round trip on loopback.
 */
import { performance } from "node:perf_hooks";
import { loadavg } from "node:os";
import { startProductionServer, waitForHttp } from "../tests/e2e/support/server";
import { signInOverHttp, signUpOverHttp } from "../tests/support/next-auth-http";

const USERS = Number(process.argv.find((a) => a.startsWith("--users="))?.split("=")[1] ?? 50);
const PASSWORD = "bench-sign-in-load-passphrase";

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

function summary(label: string, latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1).padStart(7);
  return `${label.padEnd(38)} n=${String(sorted.length).padStart(4)}  p50 ${f(percentile(sorted, 0.5))} ms  p95 ${f(percentile(sorted, 0.95))} ms  max ${f(sorted.at(-1) ?? NaN)} ms`;
}

/** Polls GET /api/progress one request after another until `stop()`; returns the latencies. */
function poll(base: string, cookie: string) {
  const latencies: number[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const start = performance.now();
      const response = await fetch(`${base}/api/progress`, { headers: { cookie } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`GET /api/progress answered ${response.status}`);
      latencies.push(performance.now() - start);
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      return latencies;
    },
  };
}

async function withServer<T>(work: (base: string) => Promise<T>): Promise<T> {
  if (process.env.BENCH_BASE_URL) return work(process.env.BENCH_BASE_URL.replace(/\/$/, ""));
  const port = Number(process.env.BENCH_PORT ?? 3290);
  // BENCH_DATABASE_URL: run the site on that PostgreSQL database instead of the embedded one.
  const server = startProductionServer(port, process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {});
  let log = "";
  server.stdout?.on("data", (d) => (log += d));
  server.stderr?.on("data", (d) => (log += d));
  try {
    await waitForHttp(`http://127.0.0.1:${port}/api/health`, 180_000, server);
    return await work(`http://127.0.0.1:${port}`);
  } catch (error) {
    console.error(log.slice(-4000));
    throw error;
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
}

async function main() {
  await withServer(async (base) => {
    const run = Date.now().toString(36);
    const emails = Array.from({ length: USERS }, (_, i) => `bench-signin-${run}-${i}@example.test`);
    for (const email of emails) await signUpOverHttp(base, "Bench Learner", email, PASSWORD);
    const watcherEmail = `bench-watcher-${run}@example.test`;
    await signUpOverHttp(base, "Bench Watcher", watcherEmail, PASSWORD);
    const watcher = await signInOverHttp(base, watcherEmail, PASSWORD);
    if (watcher.error) throw new Error(`watcher could not sign in: ${watcher.error}`);

    // Warm up, then the other learner's latency with nothing else going on.
    const warm = poll(base, watcher.cookie);
    await new Promise((r) => setTimeout(r, 1000));
    await warm.stop();
    const idle = poll(base, watcher.cookie);
    await new Promise((r) => setTimeout(r, 2000));
    const idleLatencies = await idle.stop();

    const during = poll(base, watcher.cookie);
    const start = performance.now();
    const signInTimes: number[] = [];
    const results = await Promise.all(
      emails.map(async (email) => {
        const began = performance.now();
        const result = await signInOverHttp(base, email, PASSWORD);
        signInTimes.push(performance.now() - began);
        return result;
      }),
    );
    const wall = performance.now() - start;
    const duringLatencies = await during.stop();

    const failed = results.filter((r) => r.error !== null);
    const p95 = percentile([...duringLatencies].sort((a, b) => a - b), 0.95);
    console.log(`sign-in load against ${base} (load average ${loadavg()[0].toFixed(2)} on this machine)`);
    console.log(`${USERS} concurrent sign-ins: wall ${(wall / 1000).toFixed(2)} s, ${USERS - failed.length} signed in${failed.length ? `, ${failed.length} refused: ${failed[0].error}` : ""}`);
    console.log(summary("each sign-in (CSRF token + callback)", signInTimes));
    console.log(summary("other learner GET /api/progress, idle", idleLatencies));
    console.log(summary("... during the sign-ins", duringLatencies));
    console.log(`target: the other learner's p95 under 100 ms during the sign-ins: ${p95 < 100 ? "MET" : "MISSED"} (${p95.toFixed(1)} ms)`);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
