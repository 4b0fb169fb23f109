/**
 * Exercise analytics for a cohort, per exercise in course order:
 * - attempted: learners with at least one run; passed: learners whose tests all passed once;
 *   pass rate = passed / attempted (null when nobody tried);
 * - median attempts to pass: over the learners who passed, the number of runs up to and
 *   including the first passing one;
 * - median time to pass: over the learners who passed, first run -> first passing run;
 * - most common failing test: among failed runs, the first failing test (what the learner read
 *   first), ranked by how many learners hit it, then by runs.
 * Medians are the usual ones (the mean of the two middle values for an even count), computed by
 * PostgreSQL's percentile_cont(0.5). Two queries whatever the cohort's size.
 * Framework-free; the caller has already checked that the user may read this cohort.
 */
import type { PrismaClient } from "../db/create-client";
import { Prisma } from "../generated/prisma/client";
import { exercisePassedSql } from "../progress/passed";
import type { CourseOutline } from "./course";

const PASSED_SQL = Prisma.raw(exercisePassedSql("ep"));

export interface ExerciseStats {
  id: string;
  title: string;
  lesson: string;
  /** Members of the cohort (the denominator for "attempted by"). */
  learners: number;
  attempted: number;
  passed: number;
  /** passed / attempted, 0..1; null when nobody attempted. */
  passRate: number | null;
  medianAttemptsToPass: number | null;
  medianSecondsToPass: number | null;
  totalRuns: number;
  commonFailure: { test: string; learners: number; runs: number } | null;
}

export async function getExerciseAnalytics(db: PrismaClient, cohortId: string, outline: CourseOutline): Promise<ExerciseStats[]> {
  const [summary, failures] = await Promise.all([
    db.$queryRaw<
      {
        exerciseId: string | null;
        learners: number;
        attempted: number;
        passed: number;
        runs: number;
        medianAttempts: number | null;
        medianSeconds: number | null;
      }[]
    >`
      WITH members AS NOT MATERIALIZED (SELECT "userId" FROM "CohortMembership" WHERE "cohortId" = ${cohortId}),
      stats AS (
        SELECT ep."exerciseId",
               count(*) FILTER (WHERE ep.attempts > 0)::int AS attempted,
               count(*) FILTER (WHERE ${PASSED_SQL})::int AS passed,
               COALESCE(sum(ep.attempts), 0)::int AS runs,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY ep."attemptsToPass") AS "medianAttempts",
               percentile_cont(0.5) WITHIN GROUP (
                 ORDER BY CASE WHEN ep."firstPassedAt" IS NOT NULL AND ep."firstAttemptAt" IS NOT NULL
                               THEN GREATEST(EXTRACT(EPOCH FROM ep."firstPassedAt" - ep."firstAttemptAt"), 0)::float8 END
               ) AS "medianSeconds"
        FROM "ExerciseProgress" ep JOIN members mb ON mb."userId" = ep."userId"
        GROUP BY ep."exerciseId"
      )
      SELECT s."exerciseId", (SELECT count(*)::int FROM members) AS learners,
             COALESCE(s.attempted, 0) AS attempted, COALESCE(s.passed, 0) AS passed, COALESCE(s.runs, 0) AS runs,
             s."medianAttempts", s."medianSeconds"
      FROM (SELECT 1) one LEFT JOIN stats s ON true`,
    // Pre-aggregated: failed runs -> (exercise, test, learner) -> (exercise, test), each a hash
    // aggregate over few columns (an index holds them all), and only the small result is sorted.
    db.$queryRaw<{ exerciseId: string; test: string; learners: number; runs: number }[]>`
      WITH per_learner AS (
        SELECT a."exerciseId", a."failingTest" AS test, a."userId", count(*) AS runs
        FROM "ExerciseAttempt" a
        WHERE a.passed = false AND a."failingTest" IS NOT NULL
          AND a."userId" IN (SELECT "userId" FROM "CohortMembership" WHERE "cohortId" = ${cohortId})
        GROUP BY a."exerciseId", a."failingTest", a."userId"
      ), per_test AS (
        SELECT "exerciseId", test, count(*)::int AS learners, sum(runs)::int AS runs
        FROM per_learner GROUP BY "exerciseId", test
      )
      SELECT DISTINCT ON ("exerciseId") "exerciseId", test, learners, runs
      FROM per_test
      ORDER BY "exerciseId", learners DESC, runs DESC, test`,
  ]);

  const learners = summary[0]?.learners ?? 0;
  const byId = new Map(summary.filter((s) => s.exerciseId !== null).map((s) => [s.exerciseId as string, s]));
  const failureById = new Map(failures.map((f) => [f.exerciseId, f]));

  return outline.exercises.map((e) => {
    const s = byId.get(e.id);
    const f = failureById.get(e.id);
    const attempted = s?.attempted ?? 0;
    const passed = s?.passed ?? 0;
    return {
      id: e.id,
      title: e.title,
      lesson: e.lesson,
      learners,
      attempted,
      passed,
      passRate: attempted === 0 ? null : passed / attempted,
      medianAttemptsToPass: s?.medianAttempts ?? null,
      medianSecondsToPass: s?.medianSeconds ?? null,
      totalRuns: s?.runs ?? 0,
      commonFailure: f ? { test: f.test, learners: f.learners, runs: f.runs } : null,
    };
  });
}

/** Durations as an instructor reads them (lib/time-format.ts, one place for every locale). */
export { formatDuration } from "../time-format";
