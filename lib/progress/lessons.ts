/**
 * Lesson progress: the ONE write path (the lesson page's events and the sign-in merge both
 * end here) and the reads of it. Framework-free: takes the Prisma client as a parameter.
 *
 * Every write is an idempotent upsert whose result does not depend on the order of concurrent
 * writes (two tabs, retries, a merge racing a page):
 * - status only moves forward: COMPLETE wins over IN_PROGRESS;
 * - startedAt and completedAt keep the earliest value ever reported;
 * - lastSection takes the newest report (a merged report older than the row is ignored);
 * - reading time is per visit and cumulative: each visit keeps the largest number of seconds it
 *   reported, and LessonProgress.timeSpentSeconds is recomputed as the sum over the lesson's
 *   visits while the row is locked, so a repeated heartbeat counts once and none is lost.
 */
import type { PrismaClient } from "../db/create-client";
import { HttpError } from "../http/errors";
import type { ProgressCatalog } from "./catalog";
import { MAX_LESSON_SECONDS } from "./schemas";

export interface LessonWrite {
  /** Mark the lesson complete (now: the server stamps every time it stores). */
  complete?: boolean;
  /** The heading id the learner is reading. */
  section?: string;
  /**
   * When a browser says it read this section, for reports made earlier (the merge of local
   * progress). Only an ordering hint, never stored: a dated report's section applies only if
   * it is not older than the row's last update. A live report omits it and always applies.
   */
  touchedAt?: Date;
  /** Cumulative visible seconds of one visit. */
  time?: { visitId: string; seconds: number };
}

export interface LessonRow {
  lessonSlug: string;
  status: "IN_PROGRESS" | "COMPLETE";
  lastSection: string | null;
  timeSpentSeconds: number;
  startedAt: Date;
  completedAt: Date | null;
  updatedAt: Date;
}

const lessonSlugs = new WeakMap<ProgressCatalog, Set<string>>();

/** Throws a 404 HttpError unless `slug` is a lesson of the course. */
export function assertLesson(catalog: ProgressCatalog, slug: string): void {
  let slugs = lessonSlugs.get(catalog);
  if (!slugs) {
    slugs = new Set(catalog.lessons.map((l) => l.slug));
    lessonSlugs.set(catalog, slugs);
  }
  if (!slugs.has(slug)) {
    throw new HttpError(404, `There is no lesson "${slug}" in the course.`);
  }
}

/** Dates from a browser are kept within [2020-01-01, now]: a wrong clock cannot reach the future. */
const EARLIEST = Date.UTC(2020, 0, 1);
function clampDate(value: Date | number | undefined, now: Date): Date | undefined {
  if (value === undefined) return undefined;
  const ms = typeof value === "number" ? value : value.getTime();
  if (!Number.isFinite(ms)) return undefined;
  return new Date(Math.min(Math.max(ms, EARLIEST), now.getTime()));
}

function upsertProgress(db: PrismaClient, userId: string, slug: string, write: LessonWrite, now: Date) {
  const status = write.complete ? "COMPLETE" : "IN_PROGRESS";
  const completedAt = write.complete ? now : null;
  const section = write.section ?? null;
  const touchedAt = clampDate(write.touchedAt, now) ?? now;
  const live = write.touchedAt === undefined;
  return db.$queryRaw<LessonRow[]>`
    INSERT INTO "LessonProgress" ("userId", "lessonSlug", "status", "lastSection", "startedAt", "completedAt", "updatedAt")
    VALUES (${userId}, ${slug}, ${status}::"LessonStatus", ${section},
            ${now}::timestamp(3), ${completedAt}::timestamp(3), ${now}::timestamp(3))
    ON CONFLICT ("userId", "lessonSlug") DO UPDATE SET
      "status" = CASE WHEN "LessonProgress"."status" = 'COMPLETE' OR EXCLUDED."status" = 'COMPLETE'
                      THEN 'COMPLETE'::"LessonStatus" ELSE 'IN_PROGRESS'::"LessonStatus" END,
      "completedAt" = LEAST("LessonProgress"."completedAt", EXCLUDED."completedAt"),
      "startedAt" = LEAST("LessonProgress"."startedAt", EXCLUDED."startedAt"),
      "lastSection" = CASE WHEN EXCLUDED."lastSection" IS NOT NULL AND (${live}::boolean OR ${touchedAt}::timestamp(3) >= "LessonProgress"."updatedAt")
                           THEN EXCLUDED."lastSection" ELSE "LessonProgress"."lastSection" END,
      "updatedAt" = GREATEST("LessonProgress"."updatedAt", EXCLUDED."updatedAt")
    RETURNING "lessonSlug", "status"::text AS "status", "lastSection", "timeSpentSeconds", "startedAt", "completedAt", "updatedAt"`;
}

/**
 * Applies one lesson write for `userId` and returns the lesson's row afterwards.
 * Unknown lesson -> HttpError 404. Shapes are the caller's to validate (lib/progress/schemas.ts).
 */
export async function writeLessonProgress(
  db: PrismaClient,
  catalog: ProgressCatalog,
  userId: string,
  slug: string,
  write: LessonWrite,
  now = new Date(),
): Promise<LessonRow> {
  assertLesson(catalog, slug);
  if (!write.time) {
    const [row] = await upsertProgress(db, userId, slug, write, now);
    return row;
  }
  const { visitId, seconds } = write.time;
  // One transaction: the upsert locks the lesson row first, so concurrent writes for this
  // lesson queue here and the sum below sees every visit committed before it.
  const [, , rows] = await db.$transaction([
    upsertProgress(db, userId, slug, write, now),
    db.$executeRaw`
      INSERT INTO "LessonVisit" ("userId", "visitId", "lessonSlug", "seconds", "startedAt", "updatedAt")
      VALUES (${userId}, ${visitId}, ${slug}, ${seconds}::int, ${now}::timestamp(3), ${now}::timestamp(3))
      ON CONFLICT ("userId", "visitId") DO UPDATE SET
        "seconds" = GREATEST("LessonVisit"."seconds", EXCLUDED."seconds"),
        "updatedAt" = EXCLUDED."updatedAt"
      WHERE "LessonVisit"."lessonSlug" = EXCLUDED."lessonSlug"`,
    db.$queryRaw<LessonRow[]>`
      UPDATE "LessonProgress" SET "timeSpentSeconds" = (
        -- SUM of int is a bigint: capped before the cast, so no number of visits overflows the column.
        SELECT LEAST(COALESCE(SUM("seconds"), 0), ${MAX_LESSON_SECONDS}::int)::int FROM "LessonVisit" WHERE "userId" = ${userId} AND "lessonSlug" = ${slug}
      )
      WHERE "userId" = ${userId} AND "lessonSlug" = ${slug}
      RETURNING "lessonSlug", "status"::text AS "status", "lastSection", "timeSpentSeconds", "startedAt", "completedAt", "updatedAt"`,
  ]);
  return rows[0];
}
