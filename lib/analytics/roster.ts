/**
 * The cohort roster: one row per learner with overall completion, last activity, exercises
 * passed and average quiz score. ONE query whatever the cohort's size: the database aggregates
 * per learner (GROUP BY), the few facts per learner are counted in JS with the same rules as the
 * learner's own dashboard (completion.ts).
 *
 * Last activity = the latest of: a lesson's progress changing (visit, section, reading time,
 * completion), an exercise run, a quiz attempt, a finished capstone training run.
 * Framework-free; the caller has already checked that the user may read this cohort.
 */
import type { PrismaClient } from "../db/create-client";
import { Prisma } from "../generated/prisma/client";
import { exercisePassedSql } from "../progress/passed";
import type { CourseOutline } from "./course";
import type { Track } from "../progress/track";
import { countCompletion, type Completion } from "./completion";

const PASSED_SQL = Prisma.raw(exercisePassedSql("ep"));

/** The learner's finished capstone training runs (lib/capstone): null when they have none. */
export interface CapstoneSummary {
  runs: number;
  bestValidationLoss: number;
  /** The most of their own pieces any run used. */
  mostPiecesYours: number;
  lastAt: Date;
}

export interface RosterRow {
  id: string;
  name: string;
  email: string;
  track: Track;
  joinedAt: Date;
  lastActivity: Date | null;
  completion: Completion;
  capstone: CapstoneSummary | null;
}

/**
 * One learner as the query's JSON gives it: the roster row's own columns (timestamps as UTC text
 * without a zone, "2026-11-20T10:00:00.123"), and what its completion and capstone summary are computed from.
 */
interface RawRosterRow extends Omit<RosterRow, "completion" | "capstone" | "joinedAt" | "lastActivity"> {
  joinedAt: string;
  lastActivity: string | null;
  lessonsCompleted: string[];
  exercisesPassed: string[];
  quizBest: Record<string, number>;
  capstoneRuns: number;
  capstoneBest: number | null;
  capstonePieces: number | null;
  capstoneLast: string | null;
}

/** The database stores UTC without a zone (Prisma's convention); JSON leaves the zone off. */
const utc = (timestamp: string) => new Date(`${timestamp}Z`);

export async function getRoster(db: PrismaClient, cohortId: string, outline: CourseOutline): Promise<RosterRow[]> {
  // The rows come back as ONE JSON text: at 10,000 learners, decoding 10,000 rows of arrays, JSON
  // and timestamps value by value in the driver cost ~300 ms of CPU; one JSON.parse costs ~30 ms
  // (docs/decisions/035-dashboard-and-write-tail.md).
  const [{ roster }] = await db.$queryRaw<[{ roster: string }]>`
    -- NOT MATERIALIZED: each use becomes a join with the membership index, with real row
    -- estimates (a materialised CTE is estimated blindly, and the wrong estimates chose worse plans).
    WITH members AS NOT MATERIALIZED (
      SELECT "userId", "joinedAt" FROM "CohortMembership" WHERE "cohortId" = ${cohortId}
    ),
    lessons AS (
      SELECT lp."userId",
             array_agg(lp."lessonSlug") FILTER (WHERE lp.status = 'COMPLETE') AS completed,
             max(lp."updatedAt") AS last
      FROM "LessonProgress" lp JOIN members mb ON mb."userId" = lp."userId"
      GROUP BY lp."userId"
    ),
    exercises AS (
      SELECT ep."userId",
             array_agg(ep."exerciseId") FILTER (
               WHERE ${PASSED_SQL}
             ) AS passed,
             max(ep."lastAttemptAt") AS last
      FROM "ExerciseProgress" ep JOIN members mb ON mb."userId" = ep."userId"
      GROUP BY ep."userId"
    ),
    quiz_best AS (
      SELECT q."userId", q."quizId",
             max(CASE WHEN q."maxScore" > 0 THEN q.score / q."maxScore" ELSE 0 END) AS best,
             max(q."createdAt") AS last
      FROM "QuizAttempt" q JOIN members mb ON mb."userId" = q."userId"
      GROUP BY q."userId", q."quizId"
    ),
    capstone AS (
      SELECT c."userId", count(*)::int AS runs, min(c."finalValidationLoss") AS best,
             max(cardinality(c.pieces))::int AS pieces, max(c."createdAt") AS last
      FROM "CapstoneRun" c JOIN members mb ON mb."userId" = c."userId"
      GROUP BY c."userId"
    ),
    quizzes AS (
      SELECT "userId", jsonb_object_agg("quizId", best) AS best, max(last) AS last
      FROM quiz_best GROUP BY "userId"
    )
    SELECT COALESCE(json_agg(r ORDER BY lower(r.name), r.id), '[]')::text AS roster FROM (
    SELECT u.id, u.name, u.email, u.track::text AS track, mb."joinedAt",
           GREATEST(l.last, e.last, qz.last, cr.last) AS "lastActivity",
           COALESCE(l.completed, ARRAY[]::text[]) AS "lessonsCompleted",
           COALESCE(e.passed, ARRAY[]::text[]) AS "exercisesPassed",
           COALESCE(qz.best, '{}'::jsonb) AS "quizBest",
           COALESCE(cr.runs, 0) AS "capstoneRuns", cr.best AS "capstoneBest", cr.pieces AS "capstonePieces", cr.last AS "capstoneLast"
    FROM members mb
    JOIN "User" u ON u.id = mb."userId"
    LEFT JOIN lessons l ON l."userId" = mb."userId"
    LEFT JOIN exercises e ON e."userId" = mb."userId"
    LEFT JOIN quizzes qz ON qz."userId" = mb."userId"
    LEFT JOIN capstone cr ON cr."userId" = mb."userId"
    ) r`;

  return (JSON.parse(roster) as RawRosterRow[]).map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    track: r.track,
    joinedAt: utc(r.joinedAt),
    lastActivity: r.lastActivity === null ? null : utc(r.lastActivity),
    completion: countCompletion(outline, {
      track: r.track,
      lessonsCompleted: r.lessonsCompleted,
      exercisesPassed: r.exercisesPassed,
      quizBest: r.quizBest,
    }),
    capstone:
      r.capstoneRuns > 0 && r.capstoneLast
        ? { runs: r.capstoneRuns, bestValidationLoss: Number(r.capstoneBest), mostPiecesYours: r.capstonePieces ?? 0, lastAt: utc(r.capstoneLast) }
        : null,
  }));
}
