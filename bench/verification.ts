/**
 * Server verification of exercise runs (decisions 017, 018), on this machine:
 *   1. throughput: verifications per minute of one worker, back to back, for the softmax and the
 *      scaled-dot-product-attention suites (reference solutions), with the sandbox's start-up
 *      (evaluating the grading bundle in a fresh QuickJS runtime) and grading times;
 *   2. delay from a submission (the run recorded and its job queued, as POST .../attempts does) to
 *      its verified status, at 1, 10, 60 and 90 submissions a minute (90 = a class of 30 running
 *      tests every 20 s; target: verified within 10 s at p95), half softmax, half attention.
 * Runs an in-memory embedded database (PGlite over its socket, as `npm run dev`) and worker
 * processes (scripts/worker.ts, one by default), as the launcher starts them.
 *
 *   npx tsx bench/verification.ts [--seconds 60] [--rates 1,10,60,90] [--workers 1] [--skip-throughput]
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedDatabase } from "../lib/db/embedded-server";
import { migrate } from "../lib/db/migrate";
import { createPrismaClient } from "../lib/db/create-client";
import { recordAttempt } from "../lib/exercises/attempts";
import { openQueue, sendVerifyJobs } from "../lib/verification/queue";
import { runInSandbox } from "../lib/verification/sandbox/quickjs-sandbox";

const root = path.resolve(__dirname, "..");
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};
const SECONDS = Number(arg("seconds", "60"));
const RATES = arg("rates", "1,10,60,90").split(",").map(Number);
const WORKERS = Number(arg("workers", "1"));
const SUITES = ["softmax", "scaled-dot-product-attention"];
const solution = (id: string) => readFileSync(path.join(root, "exercises", id, "solution.ts"), "utf8");

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = (n: number) => `${Math.round(n)} ms`;

async function throughput(): Promise<void> {
  console.log("1. Throughput of one worker (back to back, reference solutions)");
  await runInSandbox("softmax", solution("softmax")); // builds the bundle and loads the WebAssembly module
  for (const id of SUITES) {
    const source = solution(id);
    const loads: number[] = [];
    const runs: number[] = [];
    const memory: number[] = [];
    const started = Date.now();
    const n = 20;
    for (let i = 0; i < n; i++) {
      const outcome = await runInSandbox(id, source);
      if (outcome.kind !== "report") throw new Error(outcome.message);
      loads.push(outcome.loadMs);
      runs.push(outcome.runMs);
      memory.push(outcome.memoryBytes);
    }
    const perMinute = (n / (Date.now() - started)) * 60_000;
    console.log(
      `   ${id}: ${perMinute.toFixed(0)} verifications/min; start-up median ${ms(quantile(loads, 0.5))} (p95 ${ms(quantile(loads, 0.95))}), ` +
        `grading median ${ms(quantile(runs, 0.5))}, QuickJS heap ${(Math.max(...memory) / 1024 / 1024).toFixed(1)} MB`,
    );
  }
}

async function delays(): Promise<void> {
  console.log(`2. Submission -> verified (${WORKERS} worker process(es), ${SECONDS} s per rate)`);
  const database = await startEmbeddedDatabase({ dataDir: "memory://" });
  await migrate(database.url, path.join(root, "prisma", "migrations"));
  const db = createPrismaClient(database.url, 4);
  const producer = await openQueue(database.url, "producer");
  const workers = Array.from({ length: WORKERS }, () =>
    spawn(process.execPath, [...process.execArgv, path.join(root, "scripts", "worker.ts")], {
      env: { ...process.env, DATABASE_URL: database.url },
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
  await Promise.all(
    workers.map((worker) => new Promise<void>((resolve) => worker.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("worker ready") && resolve()))),
  );
  const userIds: string[] = [];
  for (let i = 0; i < 30; i++) userIds.push((await db.user.create({ data: { email: `bench-${i}-${randomUUID()}@example.test`, name: `Learner ${i}` } })).id);

  try {
    for (const rate of RATES) {
      const count = Math.max(3, Math.round((rate * SECONDS) / 60));
      const gap = 60_000 / rate;
      const ids: string[] = [];
      const began = Date.now();
      for (let i = 0; i < count; i++) {
        const due = began + i * gap;
        if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
        const exercise = SUITES[i % 2];
        const { attemptId } = await recordAttempt(db, userIds[i % userIds.length], exercise, {
          clientRunId: randomUUID(),
          code: solution(exercise),
          passed: true,
          testsPassed: 1,
          testsTotal: 1,
          results: [],
          durationMs: 10,
        });
        await sendVerifyJobs(producer, [attemptId]);
        ids.push(attemptId);
      }
      for (;;) {
        const pending = await db.exerciseAttempt.count({ where: { id: { in: ids }, status: "pending" } });
        if (pending === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const rows = await db.exerciseAttempt.findMany({ where: { id: { in: ids } }, select: { createdAt: true, verifiedAt: true, status: true } });
      const delay = rows.map((r) => r.verifiedAt!.getTime() - r.createdAt.getTime());
      const wrong = rows.filter((r) => r.status !== "verified_pass").length;
      console.log(
        `   ${String(rate).padStart(3)}/min (${count} runs): p50 ${ms(quantile(delay, 0.5))}, p95 ${ms(quantile(delay, 0.95))}, max ${ms(Math.max(...delay))}` +
          (wrong ? `, ${wrong} not verified_pass` : ""),
      );
    }
  } finally {
    // Workers first: they would see the database vanish under them.
    await Promise.all(workers.map((worker) => new Promise((resolve) => (worker.once("exit", resolve), worker.kill("SIGTERM")))));
    await producer.stop({ graceful: false, wait: true });
    await db.$disconnect();
    await database.stop();
  }
}

async function main() {
  const rss = () => `${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB`;
  const t0 = Date.now();
  await runInSandbox("softmax", "export function softmax(x) { return x; }");
  console.log(`First verification in a new process (esbuild bundle + WebAssembly module + run): ${ms(Date.now() - t0)}; process RSS ${rss()}`);
  if (!process.argv.includes("--skip-throughput")) {
    await throughput();
    console.log(`   process RSS after the throughput runs: ${rss()}`);
  }
  await delays();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
