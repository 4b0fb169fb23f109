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

  const rows = await db.$queryRaw<{ day: string; learners: number }[]>`
    WITH members AS (SELECT "userId" FROM "CohortMembership" WHERE "cohortId" = ${cohortId}),
    events AS (
      SELECT v."userId", v."startedAt" AS at FROM "LessonVisit" v JOIN members mb ON mb."userId" = v."userId"
        WHERE v."startedAt" >= ${first} AND v."startedAt" < ${end}
      UNION ALL
      SELECT v."userId", v."updatedAt" FROM "LessonVisit" v JOIN members mb ON mb."userId" = v."userId"
        WHERE v."updatedAt" >= ${first} AND v."updatedAt" < ${end}
      UNION ALL
      SELECT lp."userId", lp."startedAt" FROM "LessonProgress" lp JOIN members mb ON mb."userId" = lp."userId"
        WHERE lp."startedAt" >= ${first} AND lp."startedAt" < ${end}
      UNION ALL
      SELECT lp."userId", lp."completedAt" FROM "LessonProgress" lp JOIN members mb ON mb."userId" = lp."userId"
        WHERE lp."completedAt" >= ${first} AND lp."completedAt" < ${end}
      UNION ALL
      SELECT a."userId", a."createdAt" FROM "ExerciseAttempt" a JOIN members mb ON mb."userId" = a."userId"
        WHERE a."createdAt" >= ${first} AND a."createdAt" < ${end}
      UNION ALL
      SELECT q."userId", q."createdAt" FROM "QuizAttempt" q JOIN members mb ON mb."userId" = q."userId"
        WHERE q."createdAt" >= ${first} AND q."createdAt" < ${end}
    )
    SELECT to_char(d, 'YYYY-MM-DD') AS day, count(*)::int AS learners
    FROM (SELECT DISTINCT "userId", date_trunc('day', at) AS d FROM events) active
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
