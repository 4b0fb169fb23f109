/**
 * Progress writes under load, and the learner dashboard of a learner with full progress.
 *
 * Budgets: a progress write p99 <= 50 ms at 200 requests/s for 10 s (open loop, on loopback);
 * the dashboard's server time <= 100 ms.
 *
 * Two modes:
 *
 * 1. Direct (default). For each database, PostgreSQL from DATABASE_URL (a fresh database is
 *    created on that server and dropped afterwards) and the embedded PGlite server (its own
 *    process, as in the app): a small HTTP server on 127.0.0.1 runs exactly what the routes run
 *    after authentication: read the JSON body (lib/http/route readJsonBody), validate it (the
 *    route's zod schema) and call the one write path (lib/progress/lessons writeLessonProgress);
 *    the dashboard endpoint calls getDashboard (lib/progress/snapshot), the page's data function.
 *    The session is replaced by an `x-bench-user` header. Pool size: DB_POOL_SIZE (default 5, as
 *    the app).
 *
 *      DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/progress-write.ts
 *      npx tsx bench/progress-write.ts --targets=pglite --rate=200 --seconds=10
 *
 *    PGlite runs on a fresh data folder, as the app runs it; --pglite-memory keeps it in memory
 *    (the tests' set-up, where its files live in the JavaScript heap).
 *
 * 2. A running site (BENCH_BASE_URL): the real route handlers behind `next start` of a production
 *    build. Signs up bench learners through /api/account and the credentials sign-in, sends the
 *    same load to POST /api/progress/lessons/<slug>, then times GET /dashboard (the whole page,
 *    server-rendered) for a learner it gives full progress through the APIs.
 *
 *      npm run build && npm start   # then:
 *      BENCH_BASE_URL=http://127.0.0.1:3000 npx tsx bench/progress-write.ts
 *
 * The load generator is open loop: request i is due at start + i / rate whether or not earlier
 * ones have answered, and its latency is counted from when it was due, so a stall shows in the
 * figures instead of slowing the generator down (no coordinated omission). Keep-alive
 * connections (http.Agent). Bounded: rate x seconds requests, and a 30 s drain limit.
 *
 * The mix per request, over 100 learners and the course's 20 lessons: 60% reading-time heartbeat
 * (a transaction), 30% section, 10% completion, each also a first visit when new.
 */
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { createPrismaClient, type PrismaClient } from "../lib/db/create-client";
import { migrate } from "../lib/db/migrate";
import { readJsonBody } from "../lib/http/route";
import { recordAttempt } from "../lib/exercises/attempts";
import { loadCourseIndex } from "../lib/course/course-index";
import type { ProgressCatalog } from "../lib/progress/catalog";
import { writeLessonProgress } from "../lib/progress/lessons";
import { lessonEventSchema } from "../lib/progress/schemas";
import { getDashboard } from "../lib/progress/snapshot";
import { MIGRATIONS_DIR, startPgliteProcess } from "../tests/support/pglite-server";
import { createScratchDatabase } from "../tests/support/scratch-database";
import { cpuBetween, cpuOf, processTree } from "./process-cpu";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const RATE = Number(arg("rate") ?? 200);
const SECONDS = Number(arg("seconds") ?? 10);
const LEARNERS = Number(arg("learners") ?? 100);
const POOL = Number(process.env.DB_POOL_SIZE ?? 5);
const TARGETS = (arg("targets") ?? (process.env.DATABASE_URL ? "postgres,pglite" : "pglite")).split(",");
const PGLITE_MEMORY = process.argv.includes("--pglite-memory");
const DRAIN_MS = 30_000;
const DASHBOARD_REPS = 50;

// ---------------------------------------------------------------------------------------------
// Figures.

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

function summary(label: string, latencies: number[], extra = ""): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1).padStart(7);
  return `${label.padEnd(44)} n=${String(sorted.length).padStart(5)}  p50 ${f(percentile(sorted, 0.5))} ms  p95 ${f(percentile(sorted, 0.95))} ms  p99 ${f(percentile(sorted, 0.99))} ms  max ${f(sorted.at(-1) ?? NaN)} ms${extra}`;
}

// ---------------------------------------------------------------------------------------------
// The open-loop load generator.

interface Target {
  /** Sends one lesson event for learner `learner`; resolves with the HTTP status. */
  send(learner: number, slug: string, body: unknown): Promise<number>;
}

function makeEvent(i: number, visits: Map<string, { visitId: string; seconds: number }>, learner: number, slug: string) {
  const r = (i * 7919) % 100;
  const key = `${learner}/${slug}`;
  if (r < 60) {
    const visit = visits.get(key) ?? { visitId: `bench-${randomBytes(8).toString("hex")}`, seconds: 0 };
    visit.seconds += 30;
    visits.set(key, visit);
    return { time: { visitId: visit.visitId, seconds: visit.seconds } };
  }
  if (r < 90) return { section: `section-${i % 7}` };
  return { complete: true };
}

async function openLoop(target: Target, slugs: string[], rate: number, seconds: number) {
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  const service: number[] = [];
  let errors = 0;
  let late = 0;
  const visits = new Map<string, { visitId: string; seconds: number }>();
  const start = performance.now() + 50;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    if (performance.now() - due > 5) late++;
    const learner = i % LEARNERS;
    const slug = slugs[(i * 31 + learner) % slugs.length];
    const body = makeEvent(i, visits, learner, slug);
    const sentAt = performance.now();
    pending.push(
      target.send(learner, slug, body).then(
        (status) => {
          const end = performance.now();
          if (status !== 200) errors++;
          latencies.push(end - due);
          service.push(end - sentAt);
        },
        () => {
          errors++;
        },
      ),
    );
  }
  const sentBy = performance.now();
  await Promise.race([Promise.all(pending), new Promise((r) => setTimeout(r, DRAIN_MS))]);
  const elapsed = (performance.now() - start) / 1000;
  return { total, latencies, service, errors, late, elapsed, sendSeconds: (sentBy - start) / 1000 };
}

function report(label: string, run: Awaited<ReturnType<typeof openLoop>>) {
  const completed = run.latencies.length;
  console.log(summary(`${label}: write latency (from due time)`, run.latencies));
  console.log(summary(`${label}: write service time (from send)`, run.service));
  console.log(
    `${label}: ${completed}/${run.total} answered, ${run.errors} errors, throughput ${(completed / run.elapsed).toFixed(1)} req/s ` +
      `(offered ${(run.total / run.sendSeconds).toFixed(1)} req/s over ${run.sendSeconds.toFixed(1)} s; ${run.late} sent > 5 ms late)`,
  );
  const p99 = percentile([...run.latencies].sort((a, b) => a - b), 0.99);
  console.log(`${label}: budget p99 <= 50 ms: ${p99 <= 50 && run.errors === 0 ? "MET" : "MISSED"}`);
}

// ---------------------------------------------------------------------------------------------
// Direct mode: the route's work behind a loopback HTTP server.

async function startBenchServer(db: PrismaClient, catalog: ProgressCatalog) {
  let reportedError = false;
  const server = http.createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
      res.end(text);
    };
    try {
      const userId = String(req.headers["x-bench-user"] ?? "");
      const url = new URL(req.url ?? "/", "http://bench");
      if (req.method === "POST" && url.pathname.startsWith("/lessons/")) {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        // The browser's headers that readJsonBody checks (the JSON content type; no Origin, as from a program).
        const body = Buffer.concat(chunks);
        const request = new Request("http://bench/", {
          method: "POST",
          headers: { "content-type": String(req.headers["content-type"] ?? ""), "content-length": String(body.length) },
          body,
        });
        const event = lessonEventSchema.parse(await readJsonBody(request, 2 * 1024));
        const row = await writeLessonProgress(db, catalog, userId, url.pathname.slice("/lessons/".length), { complete: event.complete, section: event.section, time: event.time });
        return send(200, { lesson: { slug: row.lessonSlug, status: row.status, timeSpentSeconds: row.timeSpentSeconds } });
      }
      if (req.method === "GET" && url.pathname === "/dashboard") {
        return send(200, await getDashboard(db, catalog, userId));
      }
      send(404, { error: "not found" });
    } catch (error) {
      // Every error fails the run (it counts in "errors"); the first one says why.
      if (!reportedError) console.error(`bench server: ${String(error)}`);
      reportedError = true;
      send(500, { error: String(error) });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function httpTarget(port: number, agent: http.Agent, headers: (learner: number) => Record<string, string>, path: (slug: string) => string): Target {
  return {
    send: (learner, slug, body) =>
      new Promise((resolve, reject) => {
        const text = JSON.stringify(body);
        const req = http.request(
          { host: "127.0.0.1", port, method: "POST", path: path(slug), agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers(learner) } },
          (res) => {
            res.resume();
            res.on("end", () => resolve(res.statusCode ?? 0));
          },
        );
        req.on("error", reject);
        req.end(text);
      }),
  };
}

function httpGet(port: number, agent: http.Agent, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method: "GET", path, agent, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Every lesson complete (three visits each), every exercise passed after three failing runs, every quiz taken five times. */
async function seedFullProgress(db: PrismaClient, catalog: ProgressCatalog, userId: string) {
  const day = 24 * 3600 * 1000;
  const t0 = Date.now() - 60 * day;
  for (const [i, lesson] of catalog.lessons.entries()) {
    const at = new Date(t0 + i * day);
    for (let v = 0; v < 3; v++) {
      await writeLessonProgress(db, catalog, userId, lesson.slug, { section: lesson.headings[v]?.id, time: { visitId: `full-${i}-${v}`, seconds: 300 + v * 60 } }, new Date(at.getTime() + v * 3600_000));
    }
    await writeLessonProgress(db, catalog, userId, lesson.slug, { complete: true }, new Date(at.getTime() + 4 * 3600_000));
  }
  for (const [i, exercise] of catalog.exercises.entries()) {
    for (let run = 0; run < 4; run++) {
      const passed = run === 3;
      await recordAttempt(db, userId, exercise.id, {
        clientRunId: randomUUID(),
        code: `// run ${run}\n${"x".repeat(1500)}`,
        passed,
        testsPassed: passed ? 8 : 4 + run,
        testsTotal: 8,
        results: Array.from({ length: 8 }, (_, k) => ({ name: `test ${k + 1}`, status: passed || k < 4 + run ? ("pass" as const) : ("fail" as const), message: passed || k < 4 + run ? undefined : "expected 1, got 0" })),
        durationMs: 15,
        createdAt: t0 + (20 + i) * day + run * 60_000,
      });
    }
  }
  const rows = catalog.quizzes.flatMap((quiz, q) =>
    Array.from({ length: 5 }, (_, a) => ({
      userId,
      quizId: quiz.id,
      clientAttemptId: `full-${q}-${a}`,
      seed: a,
      answers: {},
      results: [],
      score: Math.min(quiz.questionCount, quiz.questionCount - 4 + a),
      maxScore: quiz.questionCount,
      createdAt: new Date(t0 + (40 + q) * day + a * 3600_000),
    })),
  );
  await db.quizAttempt.createMany({ data: rows });
}

/** How busy the machine is: the same trivial query through pg alone, to read the other figures against. */
async function calibrate(name: string, url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const times: number[] = [];
  try {
    for (let i = 0; i < 120; i++) {
      const t = performance.now();
      await pool.query("SELECT 1");
      if (i >= 20) times.push(performance.now() - t);
    }
  } finally {
    await pool.end();
  }
  console.log(summary(`${name} calibration: pg SELECT 1 (sequential)`, times, `  load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`));
}

/** The database server's processes: PostgreSQL's backends for this database, or the PGlite process tree. */
type ServerPids = () => Promise<number[]>;

async function directRun(name: string, url: string, serverPids: ServerPids) {
  await calibrate(name, url);
  const db = createPrismaClient(url, POOL);
  const catalog = loadCourseIndex().catalog;
  try {
    const users = await Promise.all(
      Array.from({ length: LEARNERS }, (_, i) => db.user.create({ data: { name: `Bench ${i}`, email: `bench-${i}-${randomBytes(4).toString("hex")}@example.test` }, select: { id: true } })),
    );
    const bench = await startBenchServer(db, catalog);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    const target = httpTarget(bench.port, agent, (learner) => ({ "x-bench-user": users[learner].id }), (slug) => `/lessons/${slug}`);
    const slugs = catalog.lessons.map((l) => l.slug);

    // Warm-up (not measured): connections, JIT, query plans.
    await openLoop(target, slugs, 50, 2);
    const app0 = process.cpuUsage();
    const server0 = cpuOf(await serverPids());
    const run = await openLoop(target, slugs, RATE, SECONDS);
    const app = process.cpuUsage(app0);
    const serverMs = cpuBetween(server0, cpuOf(await serverPids()));
    report(`${name} direct`, run);
    // What a write costs, whatever the machine's load adds to its latency (a queue for a core).
    const perWrite = (ms: number) => (ms / run.total).toFixed(2);
    console.log(`${name} direct: CPU per write: database server ${perWrite(serverMs)} ms, bench process (load generator, HTTP, Prisma) ${perWrite((app.user + app.system) / 1000)} ms`);

    // The dashboard of a learner with full progress.
    const full = await db.user.create({ data: { name: "Full progress", email: `full-${randomBytes(4).toString("hex")}@example.test` }, select: { id: true } });
    await seedFullProgress(db, catalog, full.id);
    const fn: number[] = [];
    await getDashboard(db, catalog, full.id);
    for (let i = 0; i < DASHBOARD_REPS; i++) {
      const t = performance.now();
      await getDashboard(db, catalog, full.id);
      fn.push(performance.now() - t);
    }
    const check = await getDashboard(db, catalog, full.id);
    const shape = ` (${check.overall.done}/${check.overall.total} items, ${check.quizzes.scores.reduce((n, q) => n + q.attempts, 0)} quiz attempts)`;
    console.log(summary(`${name} dashboard data function`, fn, shape));
    const viaHttp: number[] = [];
    for (let i = 0; i < DASHBOARD_REPS; i++) {
      const t = performance.now();
      const status = await httpGet(bench.port, agent, "/dashboard", { "x-bench-user": full.id });
      if (status !== 200) throw new Error(`dashboard answered ${status}`);
      viaHttp.push(performance.now() - t);
    }
    console.log(summary(`${name} dashboard over HTTP (JSON)`, viaHttp));
    console.log(`${name}: budget dashboard p99 <= 100 ms: ${percentile([...viaHttp].sort((a, b) => a - b), 0.99) <= 100 ? "MET" : "MISSED"}`);
    agent.destroy();
    await bench.close();
  } finally {
    await db.$disconnect();
  }
}

async function withPostgres(run: (url: string, serverPids: ServerPids) => Promise<void>) {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("Set DATABASE_URL to a PostgreSQL server where the user may CREATE DATABASE.");
  const scratch = await createScratchDatabase(serverUrl, "bench_progress");
  try {
    await run(scratch.url, async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      const { rows } = await c.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1", [scratch.name]);
      await c.end();
      return rows.map((row) => row.pid);
    });
  } finally {
    await scratch.drop();
  }
}

/** On a data folder, as the app runs it (NodeFS: every write goes to a file), unless --pglite-memory. */
async function withPglite(run: (url: string, serverPids: ServerPids) => Promise<void>) {
  const folder = PGLITE_MEMORY ? null : await mkdtemp(path.join(tmpdir(), "bench-pglite-"));
  console.log(`pglite: ${folder ? `data folder ${folder}` : "in memory (--pglite-memory)"}`);
  const server = await startPgliteProcess({ dataDir: folder ? path.join(folder, "data") : undefined });
  try {
    await migrate(server.url, MIGRATIONS_DIR);
    await run(server.url, async () => processTree(server.pid));
  } finally {
    await server.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Site mode: the real route handlers.

/** Signs up and signs in through the site's own endpoints; returns the session cookie. */
async function signedInCookie(base: string, name: string): Promise<string> {
  const email = `${name}-${randomBytes(4).toString("hex")}@example.test`;
  const password = `bench-${randomBytes(6).toString("hex")}`;
  const created = await fetch(`${base}/api/account`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name, email, password }) });
  if (created.status !== 201) throw new Error(`sign-up answered ${created.status}: ${await created.text()}`);
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in gave no session cookie (status ${signIn.status})`);
  return session;
}

async function siteRun(base: string) {
  const url = new URL(base);
  const port = Number(url.port || 80);
  const catalog = loadCourseIndex().catalog;
  const slugs = catalog.lessons.map((l) => l.slug);
  // Fewer learners than in direct mode: each costs a real sign-up (bcrypt).
  const cookies: string[] = [];
  for (let i = 0; i < 10; i++) cookies.push(await signedInCookie(base, `bench-${i}`));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const target = httpTarget(port, agent, (learner) => ({ cookie: cookies[learner % cookies.length] }), (slug) => `/api/progress/lessons/${slug}`);
  await openLoop(target, slugs, 50, 2);
  report("site (next start, real routes)", await openLoop(target, slugs, RATE, SECONDS));

  // A learner with every lesson complete, every exercise passed and every quiz taken, through the APIs.
  const full = await signedInCookie(base, "bench-full");
  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json", cookie: full }, body: JSON.stringify(body) }).then((r) => {
      if (!r.ok) throw new Error(`${path} answered ${r.status}`);
    });
  for (const lesson of catalog.lessons) {
    await post(`/api/progress/lessons/${lesson.slug}`, { section: lesson.headings[0]?.id ?? "intro", time: { visitId: `full-${lesson.slug}`, seconds: 600 } });
    await post(`/api/progress/lessons/${lesson.slug}`, { complete: true });
  }
  for (const exercise of catalog.exercises) {
    for (let run = 0; run < 4; run++) {
      const passed = run === 3;
      await post(`/api/exercises/${exercise.id}/attempts`, {
        clientRunId: randomUUID(),
        code: `// run ${run}`,
        passed,
        testsPassed: passed ? 4 : run,
        testsTotal: 4,
        results: Array.from({ length: 4 }, (_, k) => ({ name: `test ${k + 1}`, status: passed || k < run ? "pass" : "fail" })),
        durationMs: 10,
      });
    }
  }
  for (const quiz of catalog.quizzes) {
    for (let a = 0; a < 5; a++) await post(`/api/quizzes/${quiz.id}/attempts`, { clientAttemptId: `full-${quiz.id}-${a}-${randomBytes(3).toString("hex")}`, seed: a, answers: {} });
  }
  const times: number[] = [];
  await httpGet(port, agent, "/dashboard", { cookie: full });
  for (let i = 0; i < DASHBOARD_REPS; i++) {
    const t = performance.now();
    const status = await httpGet(port, agent, "/dashboard", { cookie: full });
    if (status !== 200) throw new Error(`/dashboard answered ${status}`);
    times.push(performance.now() - t);
  }
  console.log(summary("site GET /dashboard (whole page, full progress)", times));
  console.log(`site: budget dashboard p99 <= 100 ms: ${percentile([...times].sort((a, b) => a - b), 0.99) <= 100 ? "MET" : "MISSED"}`);
  agent.destroy();
}

async function main() {
  console.log(`progress-write: ${RATE} req/s for ${SECONDS} s, ${LEARNERS} learners, pool ${POOL}, node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  if (process.env.BENCH_BASE_URL) {
    await siteRun(process.env.BENCH_BASE_URL.replace(/\/$/, ""));
    return;
  }
  for (const target of TARGETS) {
    if (target === "postgres") await withPostgres((url, pids) => directRun("postgres", url, pids));
    else if (target === "pglite") await withPglite((url, pids) => directRun("pglite", url, pids));
    else throw new Error(`unknown target ${target}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
