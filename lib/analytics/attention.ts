/**
 * "Needs attention": who an instructor may want to contact.
 * - Inactive: no activity for INACTIVE_DAYS or more. Counted from the learner's last activity;
 *   for someone who has done nothing yet, from when they joined or the cohort started,
 *   whichever is later (joining before the start is not "inactive").
 * - Stuck: STUCK_RUNS or more runs of one exercise without ever passing it.
 * Two queries whatever the cohort's size. Framework-free; the caller has already checked that
 * the user may read this cohort.
 */
import type { PrismaClient } from "../db/create-client";

export const INACTIVE_DAYS = 7;
export const STUCK_RUNS = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface InactiveLearner {
  id: string;
  name: string;
  email: string;
  lastActivity: Date | null;
  /** The moment inactivity is counted from (last activity, or join / cohort start). */
  since: Date;
  daysInactive: number;
}

export interface StuckLearner {
  id: string;
  name: string;
  email: string;
  exerciseId: string;
  runs: number;
  lastRunAt: Date | null;
}

export interface NeedsAttention {
  inactive: InactiveLearner[];
  stuck: StuckLearner[];
}

export async function getNeedsAttention(db: PrismaClient, cohortId: string, now = new Date()): Promise<NeedsAttention> {
  const cutoff = new Date(now.getTime() - INACTIVE_DAYS * DAY_MS);
  const [inactive, stuck] = await Promise.all([
    db.$queryRaw<{ id: string; name: string; email: string; lastActivity: Date | null; since: Date }[]>`
      WITH members AS NOT MATERIALIZED (
        SELECT m."userId", GREATEST(m."joinedAt", c."startsAt") AS origin
        FROM "CohortMembership" m JOIN "Cohort" c ON c.id = m."cohortId"
        WHERE m."cohortId" = ${cohortId}
      ),
      events AS (
        SELECT lp."userId", max(lp."updatedAt") AS at FROM "LessonProgress" lp JOIN members mb ON mb."userId" = lp."userId" GROUP BY lp."userId"
        UNION ALL
        SELECT ep."userId", max(ep."lastAttemptAt") FROM "ExerciseProgress" ep JOIN members mb ON mb."userId" = ep."userId" GROUP BY ep."userId"
        UNION ALL
        SELECT q."userId", max(q."createdAt") FROM "QuizAttempt" q JOIN members mb ON mb."userId" = q."userId" GROUP BY q."userId"
      ),
      latest AS (SELECT "userId", max(at) AS at FROM events GROUP BY "userId")
      SELECT u.id, u.name, u.email, la.at AS "lastActivity", COALESCE(la.at, mb.origin) AS since
      FROM members mb
      JOIN "User" u ON u.id = mb."userId"
      LEFT JOIN latest la ON la."userId" = mb."userId"
      WHERE COALESCE(la.at, mb.origin) <= ${cutoff}
      ORDER BY since ASC, lower(u.name)`,
    getStuckLearners(db, cohortId),
  ]);
  return {
    inactive: inactive.map((r) => ({ ...r, daysInactive: Math.floor((now.getTime() - r.since.getTime()) / DAY_MS) })),
    stuck,
  };
}

/** Learners with STUCK_RUNS or more runs of one exercise and no pass, most runs first. One query. */
export function getStuckLearners(db: PrismaClient, cohortId: string): Promise<StuckLearner[]> {
  return db.$queryRaw<StuckLearner[]>`
    SELECT u.id, u.name, u.email, ep."exerciseId", ep.attempts AS runs, ep."lastAttemptAt" AS "lastRunAt"
    FROM "ExerciseProgress" ep
    JOIN "CohortMembership" m ON m."userId" = ep."userId" AND m."cohortId" = ${cohortId}
    JOIN "User" u ON u.id = ep."userId"
    WHERE ep.attempts >= ${STUCK_RUNS} AND ep."firstPassedAt" IS NULL
    ORDER BY ep.attempts DESC, lower(u.name), ep."exerciseId"`;
}

/**
 * The inactive learners from roster rows the caller already has (the overview page), by the same
 * rule as getNeedsAttention: no query of its own.
 */
export function inactiveFromRoster(
  roster: readonly { id: string; name: string; email: string; joinedAt: Date; lastActivity: Date | null }[],
  cohortStartsAt: Date,
  now = new Date(),
): InactiveLearner[] {
  const cutoff = now.getTime() - INACTIVE_DAYS * DAY_MS;
  return roster
    .map((r) => {
      const since = r.lastActivity ?? new Date(Math.max(r.joinedAt.getTime(), cohortStartsAt.getTime()));
      return { id: r.id, name: r.name, email: r.email, lastActivity: r.lastActivity, since, daysInactive: Math.floor((now.getTime() - since.getTime()) / DAY_MS) };
    })
    .filter((r) => r.since.getTime() <= cutoff)
    .sort((a, b) => a.since.getTime() - b.since.getTime() || a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
}
