/**
 * Activity over time: per calendar day (UTC), how many of the cohort's learners did something:
 * opened a lesson for the first time, read one (a visit's start and its last reading-time
 * report), completed one, ran an exercise or submitted a quiz. Days without activity are
 * filled with zeros so a chart shows the gaps.
 * One query. Framework-free; the caller has already checked that the user may read this cohort.
 */
import type { PrismaClient } from "../db/create-client";

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_ACTIVITY_DAYS = 42;

export interface ActivityDay {
  /** "YYYY-MM-DD" (UTC). */
  day: string;
  learners: number;
}

const dayKey = (d: Date) => d.toISOString().slice(0, 10);
const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

/** The last `days` days up to and including `now`'s day. */
export async function getActivity(db: PrismaClient, cohortId: string, options: { now?: Date; days?: number } = {}): Promise<ActivityDay[]> {
  const now = options.now ?? new Date();
  const days = Math.min(Math.max(Math.floor(options.days ?? DEFAULT_ACTIVITY_DAYS), 1), 366);
  const last = startOfDay(now);
  const first = new Date(last.getTime() - (days - 1) * DAY_MS);
  const end = new Date(last.getTime() + DAY_MS);

  // Each table is read once (a row's two timestamps become two events through LATERAL VALUES),
  // filtered by a semi-join on the cohort's members, and reduced to distinct (learner, day) pairs
  // before the union: the sort or hash that dedupes then holds pairs, not every event
  // (docs/decisions/035-dashboard-and-write-tail.md).
  const rows = await db.$queryRaw<{ day: string; learners: number }[]>`
    WITH members AS NOT MATERIALIZED (SELECT "userId" FROM "CohortMembership" WHERE "cohortId" = ${cohortId}),
    active AS (
      SELECT v."userId", date_trunc('day', e.at) AS d
      FROM "LessonVisit" v CROSS JOIN LATERAL (VALUES (v."startedAt"), (v."updatedAt")) e(at)
      WHERE v."userId" IN (SELECT "userId" FROM members) AND e.at >= ${first} AND e.at < ${end}
      GROUP BY 1, 2
      UNION
      SELECT lp."userId", date_trunc('day', e.at)
      FROM "LessonProgress" lp CROSS JOIN LATERAL (VALUES (lp."startedAt"), (lp."completedAt")) e(at)
      WHERE lp."userId" IN (SELECT "userId" FROM members) AND e.at >= ${first} AND e.at < ${end}
      GROUP BY 1, 2
      UNION
      SELECT a."userId", date_trunc('day', a."createdAt") FROM "ExerciseAttempt" a
      WHERE a."userId" IN (SELECT "userId" FROM members) AND a."createdAt" >= ${first} AND a."createdAt" < ${end}
      GROUP BY 1, 2
      UNION
      SELECT q."userId", date_trunc('day', q."createdAt") FROM "QuizAttempt" q
      WHERE q."userId" IN (SELECT "userId" FROM members) AND q."createdAt" >= ${first} AND q."createdAt" < ${end}
      GROUP BY 1, 2
    )
    SELECT to_char(d, 'YYYY-MM-DD') AS day, count(*)::int AS learners
    FROM active
    GROUP BY d ORDER BY d`;

  const byDay = new Map(rows.map((r) => [r.day, r]));
  const out: ActivityDay[] = [];
  for (let t = first.getTime(); t <= last.getTime(); t += DAY_MS) {
    const key = dayKey(new Date(t));
    const row = byDay.get(key);
    out.push({ day: key, learners: row?.learners ?? 0 });
  }
  return out;
}
