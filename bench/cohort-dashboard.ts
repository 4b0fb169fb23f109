/**
 * How fast is the instructor dashboard, and does its query count stay flat as a cohort grows?
 *
 * For each database (PostgreSQL from DATABASE_URL, and the embedded PGlite server) and each cohort
 * size, on a fresh database: seed one cohort with realistic progress (bench/cohort-seed.ts, bulk
 * inserts), ANALYZE, then time the dashboard's data functions exactly as the pages call them
 * (lib/cohorts/dashboard.ts: the authorization check included) with the demo instructor's view:
 *   roster · matrix page (50 learners) · exercise analytics · item analysis · needs attention ·
 *   activity (the overview chart) · the overview page (roster + attention + activity, in parallel)
 * Each is run once cold, then 7 times; reported: the median wall-clock time, the CPU time per run
 * (this process, where Prisma and the JS of the functions run, plus the database server's
 * processes, read from /proc), and the SQL statement count (Prisma's `query` event).
 * "page total" = overview page + matrix + exercises + quizzes.
 *
 * Why CPU time: on a shared machine (several jobs on 2 cores) wall-clock time mostly measures the
 * queue for a core. The CPU time a request consumes does not depend on that queue: it is what
 * the request costs, and close to its wall-clock time on an idle machine (the data is in memory,
 * so there is little I/O wait). Both are printed, with the load average.
 *
 *   DATABASE_URL=postgresql://... npx tsx bench/cohort-dashboard.ts [--sizes=100,1000,10000] [--targets=postgres,pglite] [--pglite-max=1000] [--keep] [--reuse]
 *
 * DATABASE_URL must name a server where the user may CREATE DATABASE: each run creates and drops
 * its own `bench_cohort_<n>` database. Without DATABASE_URL only PGlite is measured.
 * --reuse (PostgreSQL only) keeps `bench_cohort_<n>` and, when it already holds a seeded cohort,
 * measures that one instead of seeding again (10,000 learners take about 10 minutes to seed);
 * pending migrations are applied first, so a new index is measured on the same data.
 */
import os from "node:os";
import pg from "pg";
import { migrate } from "../lib/db/migrate";
import { createCountingClient, type CountingClient } from "../tests/support/counting-client";
import type { Actor } from "../lib/cohorts/access";
import {
  cohortExerciseAnalytics,
  cohortItemAnalysis,
  cohortMatrix,
  cohortOverview,
  cohortRoster,
} from "../lib/cohorts/dashboard";
import { getActivity } from "../lib/analytics/activity";
import { getNeedsAttention } from "../lib/analytics/attention";
import { MIGRATIONS_DIR, startPgliteProcess } from "../tests/support/pglite-server";
import { loadSeedMaterial, seedCohort, type SeedMaterial } from "./cohort-seed";
import { cpuBetween, cpuOf, processTree } from "./process-cpu";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const SIZES = (arg("sizes") ?? "100,1000,10000").split(",").map(Number);
const TARGETS = (arg("targets") ?? (process.env.DATABASE_URL ? "postgres,pglite" : "pglite")).split(",");
const PGLITE_MAX = Number(arg("pglite-max") ?? 10000);
/** Keep the PostgreSQL databases afterwards (to EXPLAIN the queries by hand). */
const KEEP = process.argv.includes("--keep");
/** Reuse a kept, already seeded PostgreSQL database (implies --keep). */
const REUSE = process.argv.includes("--reuse");
const REPS = 7;

interface Measure {
  name: string;
  coldMs: number;
  medianMs: number;
  /** CPU per run: this process (Prisma + JS) and the database server. */
  appCpuMs: number;
  dbCpuMs: number;
  queries: number;
}

/** Where the database does its work: PostgreSQL's backends for this database, or the PGlite process. */
type DbPids = () => Promise<number[]>;

async function measure(counting: CountingClient, dbPids: DbPids, name: string, run: () => Promise<unknown>): Promise<Measure> {
  counting.reset();
  let t = performance.now();
  await run();
  const coldMs = performance.now() - t;
  const queries = counting.count();
  const times: number[] = [];
  const app0 = process.cpuUsage();
  const db0 = cpuOf(await dbPids());
  for (let i = 0; i < REPS; i++) {
    t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  const app = process.cpuUsage(app0);
  // A database process that ended during the runs is not counted: this can only undercount.
  const dbCpuMs = cpuBetween(db0, cpuOf(await dbPids())) / REPS;
  times.sort((a, b) => a - b);
  return { name, coldMs, medianMs: times[Math.floor(times.length / 2)], appCpuMs: (app.user + app.system) / 1000 / REPS, dbCpuMs, queries };
}

async function benchOne(
  url: string,
  dbPids: DbPids,
  material: SeedMaterial,
  learners: number,
  reuse = false,
): Promise<{ seed: { ms: number; rows: Record<string, number> }; measures: Measure[] }> {
  await migrate(url, MIGRATIONS_DIR);
  const counting = createCountingClient(url, 10);
  try {
    const seeded = (reuse ? await seededCohort(counting.db) : null) ?? (await seedCohort(counting.db, material, { learners, seed: 7 + learners }));
    await counting.db.$executeRawUnsafe("ANALYZE");
    const user: Actor = { id: seeded.instructorId, role: "INSTRUCTOR" };
    const id = seeded.cohortId;
    const db = counting.db;
    const { outline } = material;
    const measures: Measure[] = [];
    measures.push(await measure(counting, dbPids, "roster", () => cohortRoster(db, user, id, outline)));
    measures.push(await measure(counting, dbPids, "matrix page (50)", () => cohortMatrix(db, user, id, outline, { page: 2, pageSize: 50 })));
    measures.push(await measure(counting, dbPids, "exercise analytics", () => cohortExerciseAnalytics(db, user, id, outline)));
    measures.push(await measure(counting, dbPids, "item analysis", () => cohortItemAnalysis(db, user, id, outline)));
    measures.push(await measure(counting, dbPids, "needs attention", () => getNeedsAttention(db, id, new Date())));
    measures.push(await measure(counting, dbPids, "activity (42 days)", () => getActivity(db, id)));
    measures.push(await measure(counting, dbPids, "overview page", () => cohortOverview(db, user, id, outline)));
    return { seed: { ms: seeded.ms, rows: seeded.rows }, measures };
  } finally {
    await counting.close();
  }
}

/** The cohort a previous run seeded into a kept database (--reuse), with its row counts; null if none. */
async function seededCohort(db: CountingClient["db"]): Promise<Awaited<ReturnType<typeof seedCohort>> | null> {
  const cohort = await db.cohort.findFirst({ where: { description: "Generated by bench/cohort-seed.ts" }, select: { id: true, createdById: true } });
  if (!cohort) return null;
  const [users, memberships, lessons, visits, runs, exerciseProgress, quizAttempts] = await Promise.all([
    db.user.count(),
    db.cohortMembership.count(),
    db.lessonProgress.count(),
    db.lessonVisit.count(),
    db.exerciseAttempt.count(),
    db.exerciseProgress.count(),
    db.quizAttempt.count(),
  ]);
  return { cohortId: cohort.id, instructorId: cohort.createdById, ms: 0, rows: { users, memberships, lessons, visits, runs, exerciseProgress, quizAttempts } };
}

async function postgresDatabase(serverUrl: string, name: string, reuse: boolean): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
  if (!(reuse && exists)) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  }
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

const fmt = (ms: number) => ms.toFixed(ms < 10 ? 1 : 0).padStart(7);
const PAGE = ["overview page", "matrix page (50)", "exercise analytics", "item analysis"];

function report(target: string, learners: number, result: Awaited<ReturnType<typeof benchOne>>) {
  const r = result.seed.rows;
  console.log(
    `\n${target}, ${learners} learners: ${result.seed.ms === 0 ? "reused a seeded database" : `seeded in ${(result.seed.ms / 1000).toFixed(1)} s`} (${r.lessons} lesson rows, ${r.visits} visits, ${r.runs} exercise runs, ${r.exerciseProgress} exercise summaries, ${r.quizAttempts} quiz attempts)`,
  );
  console.log(`  load average while measuring: ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} (1/5/15 min, ${os.cpus().length} cores)`);
  console.log(`  ${"function".padEnd(22)} ${"cold ms".padStart(7)} ${"median".padStart(7)} ${"app cpu".padStart(7)} ${"db cpu".padStart(7)} ${"cpu".padStart(7)} ${"queries".padStart(7)}`);
  const line = (name: string, m: Omit<Measure, "name">) =>
    console.log(
      `  ${name.padEnd(22)} ${fmt(m.coldMs)} ${fmt(m.medianMs)} ${fmt(m.appCpuMs)} ${fmt(m.dbCpuMs)} ${fmt(m.appCpuMs + m.dbCpuMs)} ${String(m.queries).padStart(7)}`,
    );
  for (const m of result.measures) line(m.name, m);
  line("page total", pageTotal(result.measures));
}

function pageTotal(measures: Measure[]): Omit<Measure, "name"> {
  const page = measures.filter((m) => PAGE.includes(m.name));
  const sum = (key: "coldMs" | "medianMs" | "appCpuMs" | "dbCpuMs" | "queries") => page.reduce((s, m) => s + m[key], 0);
  return { coldMs: sum("coldMs"), medianMs: sum("medianMs"), appCpuMs: sum("appCpuMs"), dbCpuMs: sum("dbCpuMs"), queries: sum("queries") };
}

/** An in-memory PGlite server in its own process (as the app runs it), and its process tree. */
async function startPglite(): Promise<{ url: string; tree: () => number[]; stop: () => Promise<void> }> {
  const server = await startPgliteProcess();
  return { url: server.url, tree: () => processTree(server.pid), stop: server.stop };
}

async function main() {
  const material = await loadSeedMaterial();
  console.log(`cohort dashboard benchmark: ${material.outline.lessons.length} lessons, ${material.outline.exercises.length} exercises, ${material.outline.quizzes.length} quizzes; sizes ${SIZES.join(", ")}; median of ${REPS} warm runs`);
  const summary: { target: string; learners: number; wall: number; cpu: number; queries: number }[] = [];
  for (const target of TARGETS) {
    for (const learners of SIZES) {
      if (target === "pglite" && learners > PGLITE_MAX) {
        console.log(`\npglite, ${learners} learners: skipped (--pglite-max=${PGLITE_MAX})`);
        continue;
      }
      let url: string;
      let stop: () => Promise<void>;
      let dbPids: DbPids;
      if (target === "postgres") {
        if (!process.env.DATABASE_URL) throw new Error("--targets=postgres needs DATABASE_URL");
        const name = `bench_cohort_${learners}`;
        const database = await postgresDatabase(process.env.DATABASE_URL, name, REUSE);
        url = database.url;
        stop = KEEP || REUSE ? async () => console.log(`  (kept ${database.url})`) : database.drop;
        dbPids = async () => {
          const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
          await c.connect();
          const { rows } = await c.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1", [name]);
          await c.end();
          return rows.map((row) => row.pid);
        };
      } else {
        const embedded = await startPglite();
        url = embedded.url;
        stop = embedded.stop;
        dbPids = async () => embedded.tree();
      }
      try {
        const result = await benchOne(url, dbPids, material, learners, REUSE && target === "postgres");
        report(target, learners, result);
        const total = pageTotal(result.measures);
        summary.push({ target, learners, wall: total.medianMs, cpu: total.appCpuMs + total.dbCpuMs, queries: total.queries });
      } finally {
        await stop();
      }
    }
  }
  console.log("\nsummary: the dashboard's four tabs together (overview, matrix page, exercises, quiz items)");
  for (const s of summary) {
    console.log(`  ${s.target.padEnd(9)} ${String(s.learners).padStart(6)} learners: cpu ${fmt(s.cpu)} ms, wall (median, under load) ${fmt(s.wall)} ms, ${s.queries} queries`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
