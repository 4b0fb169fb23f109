/**
 * Activity over time: per calendar day (UTC), how many of the cohort's learners did something:
 * opened a lesson for the first time, read one (a visit's start or any of its reading-time
 * reports), completed one, ran an exercise or submitted a quiz. Days without activity are
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

  // The learner-days come from the roll-up the database's triggers keep (LearnerActivityDay, one
  // row per learner and UTC day with any activity): the chart counts rows instead of deduplicating
  // every visit, run and attempt of the cohort (docs/decisions/035-dashboard-and-write-tail.md).
  const rows = await db.$queryRaw<{ day: string; learners: number }[]>`
    SELECT to_char(a.day, 'YYYY-MM-DD') AS day, count(*)::int AS learners
    FROM "LearnerActivityDay" a
    WHERE a."userId" IN (SELECT "userId" FROM "CohortMembership" WHERE "cohortId" = ${cohortId})
      AND a.day >= ${dayKey(first)}::date AND a.day < ${dayKey(end)}::date
    GROUP BY a.day ORDER BY a.day`;

  const byDay = new Map(rows.map((r) => [r.day, r]));
  const out: ActivityDay[] = [];
  for (let t = first.getTime(); t <= last.getTime(); t += DAY_MS) {
    const key = dayKey(new Date(t));
    const row = byDay.get(key);
    out.push({ day: key, learners: row?.learners ?? 0 });
  }
  return out;
}
