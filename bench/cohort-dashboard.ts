/**
 * How fast is the instructor dashboard, and does its query count stay flat as a cohort grows?
 *
 * For each database (PostgreSQL from DATABASE_URL, and the embedded PGlite server) and each cohort
 * size, on a fresh database: seed one cohort with realistic progress (bench/cohort-seed.ts, bulk
 * inserts), ANALYZE, then time the dashboard's data functions exactly as the pages call them
 * (lib/cohorts/dashboard.ts: the authorization check included) with the demo instructor's view:
 *   roster · matrix page (50 learners) · exercise analytics · item analysis · needs attention ·
 *   activity (the overview chart) · the overview page (roster + attention + activity, in parallel)
 * Each is run once cold, then 7 times; the median is reported with the SQL statement count
 * (Prisma's `query` event). "page total" = overview page + matrix + exercises + quizzes medians.
 *
 *   DATABASE_URL=postgresql://... npx tsx bench/cohort-dashboard.ts [--sizes=100,1000,10000] [--targets=postgres,pglite] [--pglite-max=1000] [--keep]
 *
 * DATABASE_URL must name a server where the user may CREATE DATABASE: each run creates and drops
 * its own `bench_cohort_<n>` database. Without DATABASE_URL only PGlite is measured.
 */
import os from "node:os";
import pg from "pg";
import { migrate } from "../lib/db/migrate";
import { createCountingClient, type CountingClient } from "../lib/analytics/counting-client";
import type { Actor } from "../lib/cohorts/access";
import {
  cohortExerciseAnalytics,
  cohortItemAnalysis,
  cohortMatrix,
  cohortNeedsAttention,
  cohortOverview,
  cohortRoster,
} from "../lib/cohorts/dashboard";
import { getActivity } from "../lib/analytics/activity";
import { MIGRATIONS_DIR, startPgliteProcess } from "../tests/support/test-db";
import { loadSeedMaterial, seedCohort, type SeedMaterial } from "./cohort-seed";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const SIZES = (arg("sizes") ?? "100,1000,10000").split(",").map(Number);
const TARGETS = (arg("targets") ?? (process.env.DATABASE_URL ? "postgres,pglite" : "pglite")).split(",");
const PGLITE_MAX = Number(arg("pglite-max") ?? 10000);
/** Keep the PostgreSQL databases afterwards (to EXPLAIN the queries by hand). */
const KEEP = process.argv.includes("--keep");
const REPS = 7;

interface Measure {
  name: string;
  coldMs: number;
  medianMs: number;
  queries: number;
}

async function measure(counting: CountingClient, name: string, run: () => Promise<unknown>): Promise<Measure> {
  counting.reset();
  let t = performance.now();
  await run();
  const coldMs = performance.now() - t;
  const queries = counting.count();
  const times: number[] = [];
  for (let i = 0; i < REPS; i++) {
    t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { name, coldMs, medianMs: times[Math.floor(times.length / 2)], queries };
}

async function benchOne(url: string, material: SeedMaterial, learners: number): Promise<{ seed: { ms: number; rows: Record<string, number> }; measures: Measure[] }> {
  await migrate(url, MIGRATIONS_DIR);
  const counting = createCountingClient(url, 10);
  try {
    const seeded = await seedCohort(counting.db, material, { learners, seed: 7 + learners });
    await counting.db.$executeRawUnsafe("ANALYZE");
    const user: Actor = { id: seeded.instructorId, role: "INSTRUCTOR" };
    const id = seeded.cohortId;
    const db = counting.db;
    const { outline } = material;
    const measures: Measure[] = [];
    measures.push(await measure(counting, "roster", () => cohortRoster(db, user, id, outline)));
    measures.push(await measure(counting, "matrix page (50)", () => cohortMatrix(db, user, id, outline, { page: 2, pageSize: 50 })));
    measures.push(await measure(counting, "exercise analytics", () => cohortExerciseAnalytics(db, user, id, outline)));
    measures.push(await measure(counting, "item analysis", () => cohortItemAnalysis(db, user, id, outline)));
    measures.push(await measure(counting, "needs attention", () => cohortNeedsAttention(db, user, id)));
    measures.push(await measure(counting, "activity (42 days)", () => getActivity(db, id)));
    measures.push(await measure(counting, "overview page", () => cohortOverview(db, user, id, outline)));
    return { seed: { ms: seeded.ms, rows: seeded.rows }, measures };
  } finally {
    await counting.close();
  }
}

async function postgresDatabase(serverUrl: string, name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
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

function report(target: string, learners: number, result: Awaited<ReturnType<typeof benchOne>>) {
  const r = result.seed.rows;
  console.log(`\n${target}, ${learners} learners: seeded in ${(result.seed.ms / 1000).toFixed(1)} s (${r.lessons} lesson rows, ${r.visits} visits, ${r.runs} exercise runs, ${r.exerciseProgress} exercise summaries, ${r.quizAttempts} quiz attempts)`);
  console.log(`  load average while measuring: ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} (1/5/15 min, ${os.cpus().length} cores)`);
  console.log(`  ${"function".padEnd(22)} ${"cold ms".padStart(7)} ${"median".padStart(7)} ${"queries".padStart(7)}`);
  for (const m of result.measures) console.log(`  ${m.name.padEnd(22)} ${fmt(m.coldMs)} ${fmt(m.medianMs)} ${String(m.queries).padStart(7)}`);
  const by = (name: string) => result.measures.find((m) => m.name === name)!;
  const page = ["overview page", "matrix page (50)", "exercise analytics", "item analysis"].map(by);
  console.log(`  ${"page total".padEnd(22)} ${fmt(page.reduce((s, m) => s + m.coldMs, 0))} ${fmt(page.reduce((s, m) => s + m.medianMs, 0))} ${String(page.reduce((s, m) => s + m.queries, 0)).padStart(7)}`);
}

async function main() {
  const material = await loadSeedMaterial();
  console.log(`cohort dashboard benchmark: ${material.outline.lessons.length} lessons, ${material.outline.exercises.length} exercises, ${material.outline.quizzes.length} quizzes; sizes ${SIZES.join(", ")}; median of ${REPS} warm runs`);
  const summary: { target: string; learners: number; total: number; queries: number }[] = [];
  for (const target of TARGETS) {
    for (const learners of SIZES) {
      if (target === "pglite" && learners > PGLITE_MAX) {
        console.log(`\npglite, ${learners} learners: skipped (--pglite-max=${PGLITE_MAX})`);
        continue;
      }
      let url: string;
      let stop: () => Promise<void>;
      if (target === "postgres") {
        if (!process.env.DATABASE_URL) throw new Error("--targets=postgres needs DATABASE_URL");
        const database = await postgresDatabase(process.env.DATABASE_URL, `bench_cohort_${learners}`);
        url = database.url;
        stop = KEEP ? async () => console.log(`  (kept ${database.url})`) : database.drop;
      } else {
        const embedded = await startPgliteProcess();
        url = embedded.url;
        stop = embedded.stop;
      }
      try {
        const result = await benchOne(url, material, learners);
        report(target, learners, result);
        const page = result.measures.filter((m) => ["overview page", "matrix page (50)", "exercise analytics", "item analysis"].includes(m.name));
        summary.push({ target, learners, total: page.reduce((s, m) => s + m.medianMs, 0), queries: page.reduce((s, m) => s + m.queries, 0) });
      } finally {
        await stop();
      }
    }
  }
  console.log("\nsummary: dashboard server time (all four tabs' data, median ms) and SQL statements");
  for (const s of summary) console.log(`  ${s.target.padEnd(9)} ${String(s.learners).padStart(6)} learners ${fmt(s.total)} ms ${String(s.queries).padStart(4)} queries`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
