/**
 * Reads a learner's stored progress into the snapshot the summary works on (lib/progress/summary.ts),
 * and the compact view the lesson pages use for ticks. Framework-free: takes the Prisma client.
 * Every query is scoped by the user id passed in, which routes take from the session only.
 */
import type { PrismaClient } from "../db/create-client";
import { HttpError } from "../http/errors";
import type { ProgressCatalog } from "./catalog";
import { summarizeProgress, type ActivityEvent, type DashboardSummary, type ProgressSnapshot, type QuizProgressItem, type SummaryWords, type Track } from "./summary";

const RECENT_EVENTS = 10;

interface QuizAggregateRow {
  quizId: string;
  attempts: number;
  latestScore: number;
  latestMax: number;
  latestAt: Date;
  bestScore: number;
  bestMax: number;
  bestAt: Date;
}

/** Per quiz: number of attempts, the latest attempt, and the best (the earliest of equal bests). */
async function quizAggregates(db: PrismaClient, userId: string): Promise<QuizProgressItem[]> {
  const rows = await db.$queryRaw<QuizAggregateRow[]>`
    SELECT q."quizId", q."attempts",
           l."score" AS "latestScore", l."maxScore" AS "latestMax", l."createdAt" AS "latestAt",
           b."score" AS "bestScore", b."maxScore" AS "bestMax", b."createdAt" AS "bestAt"
    FROM (SELECT "quizId", COUNT(*)::int AS "attempts" FROM "QuizAttempt" WHERE "userId" = ${userId} GROUP BY "quizId") q
    CROSS JOIN LATERAL (
      SELECT "score", "maxScore", "createdAt" FROM "QuizAttempt"
      WHERE "userId" = ${userId} AND "quizId" = q."quizId"
      ORDER BY "createdAt" DESC, "id" DESC LIMIT 1
    ) l
    CROSS JOIN LATERAL (
      SELECT "score", "maxScore", "createdAt" FROM "QuizAttempt"
      WHERE "userId" = ${userId} AND "quizId" = q."quizId"
      ORDER BY CASE WHEN "maxScore" > 0 THEN "score" / "maxScore" ELSE 0 END DESC, "createdAt" ASC, "id" ASC LIMIT 1
    ) b`;
  return rows.map((r) => ({
    id: r.quizId,
    attempts: Number(r.attempts),
    latest: { score: r.latestScore, maxScore: r.latestMax, at: r.latestAt.getTime() },
    best: { score: r.bestScore, maxScore: r.bestMax, at: r.bestAt.getTime() },
  }));
}

interface EventRow {
  kind: "exercise-run" | "quiz-attempt";
  id: string;
  at: Date;
  passed: boolean | null;
  testsPassed: number | null;
  testsTotal: number | null;
  score: number | null;
  maxScore: number | null;
}

/** The learner's latest exercise runs and quiz attempts, RECENT_EVENTS of each, in one query. */
async function recentEvents(db: PrismaClient, userId: string): Promise<ActivityEvent[]> {
  const rows = await db.$queryRaw<EventRow[]>`
    (SELECT 'exercise-run' AS "kind", "exerciseId" AS "id", "createdAt" AS "at", "passed", "testsPassed", "testsTotal",
            NULL::float8 AS "score", NULL::float8 AS "maxScore"
       FROM "ExerciseAttempt" WHERE "userId" = ${userId} ORDER BY "createdAt" DESC LIMIT ${RECENT_EVENTS})
    UNION ALL
    (SELECT 'quiz-attempt', "quizId", "createdAt", NULL, NULL, NULL, "score", "maxScore"
       FROM "QuizAttempt" WHERE "userId" = ${userId} ORDER BY "createdAt" DESC LIMIT ${RECENT_EVENTS})`;
  return rows.map((r): ActivityEvent =>
    r.kind === "exercise-run"
      ? { kind: "exercise-run", id: r.id, at: r.at.getTime(), passed: r.passed === true, testsPassed: Number(r.testsPassed), testsTotal: Number(r.testsTotal) }
      : { kind: "quiz-attempt", id: r.id, at: r.at.getTime(), score: r.score, maxScore: r.maxScore },
  );
}

/** Everything the dashboard needs about one learner, in one round of parallel queries. */
export async function readProgressSnapshot(db: PrismaClient, userId: string): Promise<ProgressSnapshot> {
  // Five queries, at once: as many as the app's default pool has connections.
  const [user, lessons, exercises, quizzes, events] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { track: true } }),
    db.lessonProgress.findMany({
      where: { userId },
      select: { lessonSlug: true, status: true, lastSection: true, timeSpentSeconds: true, startedAt: true, completedAt: true, updatedAt: true },
    }),
    db.exerciseProgress.findMany({
      where: { userId },
      select: { exerciseId: true, attempts: true, bestPassed: true, testsTotal: true, firstPassedAt: true, lastAttemptAt: true },
    }),
    quizAggregates(db, userId),
    recentEvents(db, userId),
  ]);
  if (!user) throw new HttpError(401, "Your account no longer exists. Sign in again.");
  return {
    track: user.track,
    lessons: lessons.map((l) => ({
      slug: l.lessonSlug,
      status: l.status === "COMPLETE" ? "complete" : "in-progress",
      section: l.lastSection,
      timeSpentSeconds: l.timeSpentSeconds,
      startedAt: l.startedAt.getTime(),
      completedAt: l.completedAt?.getTime() ?? null,
      updatedAt: l.updatedAt.getTime(),
    })),
    exercises: exercises.map((e) => ({
      id: e.exerciseId,
      attempts: e.attempts,
      bestPassed: e.bestPassed,
      testsTotal: e.testsTotal,
      passedAt: e.firstPassedAt?.getTime() ?? null,
      lastAttemptAt: e.lastAttemptAt?.getTime() ?? null,
    })),
    quizzes,
    events,
  };
}

/** The dashboard of a signed-in learner. */
export async function getDashboard(db: PrismaClient, catalog: ProgressCatalog, userId: string, words?: SummaryWords): Promise<DashboardSummary> {
  return summarizeProgress(catalog, await readProgressSnapshot(db, userId), { words });
}

/** What the lesson pages need for their ticks and for useTrack(): small and cheap. */
export interface ProgressOverview {
  track: Track;
  lessons: Record<string, { status: "in-progress" | "complete"; section: string | null }>;
  /** Exercise ids whose tests all passed once. */
  exercisesPassed: string[];
}

export async function readProgressOverview(db: PrismaClient, userId: string): Promise<ProgressOverview> {
  const [user, lessons, passed] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { track: true } }),
    db.lessonProgress.findMany({ where: { userId }, select: { lessonSlug: true, status: true, lastSection: true } }),
    db.exerciseProgress.findMany({ where: { userId, firstPassedAt: { not: null } }, select: { exerciseId: true } }),
  ]);
  if (!user) throw new HttpError(401, "Your account no longer exists. Sign in again.");
  return {
    track: user.track,
    lessons: Object.fromEntries(lessons.map((l) => [l.lessonSlug, { status: l.status === "COMPLETE" ? "complete" : "in-progress", section: l.lastSection }])),
    exercisesPassed: passed.map((p) => p.exerciseId),
  };
}
