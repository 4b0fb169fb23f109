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
 *   reported, and LessonProgress.timeSpentSeconds grows by exactly what a report adds to its
 *   visit, under the visit's row lock, so it stays the sum over the lesson's visits: a repeated
 *   heartbeat counts once and none is lost (see upsertProgress).
 */
import type { PrismaClient } from "../db/create-client";
import { Prisma } from "../generated/prisma/client";
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

/**
 * The whole write as ONE statement, so it needs no interactive transaction: on the embedded
 * server a transaction holds the single backend for all of its round trips
 * (docs/decisions/035-dashboard-and-write-tail.md).
 *
 * With reading time, a data-modifying CTE first upserts the visit. Its row lock serialises the
 * reports of that visit, and its "addedSeconds" is computed from the row as it is when locked
 * (the newest committed value, even one inserted by a racing first report): how much this report
 * raised the visit's largest value, 0 for a repeat, a late report or a visit of another lesson.
 * The lesson's upsert then adds exactly that to timeSpentSeconds; ON CONFLICT DO UPDATE also works
 * on the newest committed row, so two tabs' visits of one lesson both count. The total therefore
 * stays the sum over the lesson's visits (capped), as when it was recomputed in a transaction.
 */
function upsertProgress(db: PrismaClient, userId: string, slug: string, write: LessonWrite, now: Date) {
  const status = write.complete ? "COMPLETE" : "IN_PROGRESS";
  const completedAt = write.complete ? now : null;
  const section = write.section ?? null;
  const touchedAt = clampDate(write.touchedAt, now) ?? now;
  const live = write.touchedAt === undefined;
  const time = write.time;
  const visit = time
    ? Prisma.sql`WITH visit AS (
        INSERT INTO "LessonVisit" ("userId", "visitId", "lessonSlug", "seconds", "addedSeconds", "startedAt", "updatedAt")
        VALUES (${userId}, ${time.visitId}, ${slug}, ${time.seconds}::int, ${time.seconds}::int, ${now}::timestamp(3), ${now}::timestamp(3))
        ON CONFLICT ("userId", "visitId") DO UPDATE SET
          "seconds" = GREATEST("LessonVisit"."seconds", EXCLUDED."seconds"),
          "addedSeconds" = GREATEST(EXCLUDED."seconds" - "LessonVisit"."seconds", 0),
          "updatedAt" = EXCLUDED."updatedAt"
        WHERE "LessonVisit"."lessonSlug" = EXCLUDED."lessonSlug"
        RETURNING "addedSeconds"
      )`
    : Prisma.empty;
  const added = time ? Prisma.sql`COALESCE((SELECT "addedSeconds" FROM visit), 0)` : Prisma.sql`0`;
  return db.$queryRaw<LessonRow[]>`
    ${visit}
    INSERT INTO "LessonProgress" ("userId", "lessonSlug", "status", "lastSection", "timeSpentSeconds", "startedAt", "completedAt", "updatedAt")
    VALUES (${userId}, ${slug}, ${status}::"LessonStatus", ${section}, LEAST(${added}, ${MAX_LESSON_SECONDS}::int),
            ${now}::timestamp(3), ${completedAt}::timestamp(3), ${now}::timestamp(3))
    ON CONFLICT ("userId", "lessonSlug") DO UPDATE SET
      "status" = CASE WHEN "LessonProgress"."status" = 'COMPLETE' OR EXCLUDED."status" = 'COMPLETE'
                      THEN 'COMPLETE'::"LessonStatus" ELSE 'IN_PROGRESS'::"LessonStatus" END,
      "completedAt" = LEAST("LessonProgress"."completedAt", EXCLUDED."completedAt"),
      "startedAt" = LEAST("LessonProgress"."startedAt", EXCLUDED."startedAt"),
      "lastSection" = CASE WHEN EXCLUDED."lastSection" IS NOT NULL AND (${live}::boolean OR ${touchedAt}::timestamp(3) >= "LessonProgress"."updatedAt")
                           THEN EXCLUDED."lastSection" ELSE "LessonProgress"."lastSection" END,
      -- Capped in bigint before the cast, so no number of visits overflows the column.
      "timeSpentSeconds" = LEAST("LessonProgress"."timeSpentSeconds"::bigint + ${added}, ${MAX_LESSON_SECONDS}::int)::int,
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
  const [row] = await upsertProgress(db, userId, slug, write, now);
  return row;
}
