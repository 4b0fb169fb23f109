/**
 * The progress matrix: learners × lessons, exercises and quizzes, one page of learners at a
 * time (readable for hundreds of learners; the CSV export asks for every learner at once).
 * Four queries per page whatever its size: the page of members, then their lesson, exercise
 * and quiz progress. Every cell carries a state for its colour and a text for screen readers,
 * the tooltip and the CSV ("complete", "3 attempts, passed", "8/12").
 * Framework-free; the caller has already checked that the user may read this cohort.
 */
import { searchText } from "../validation/text";
import type { PrismaClient } from "../db/create-client";
import { matrixColumns, type CourseOutline, type MatrixColumn } from "./course";
import { formatScore, reachesPassMark } from "../quiz/score";
import { isExercisePassed } from "../progress/passed";

export type LessonCell = { kind: "lesson"; state: "not-started" | "in-progress" | "complete" };
export type ExerciseCell = {
  kind: "exercise";
  state: "not-attempted" | "attempted" | "passed";
  attempts: number;
  /** Runs up to and including the first pass. */
  attemptsToPass: number | null;
  bestPassed: number;
  testsTotal: number;
};
export type QuizCell = {
  kind: "quiz";
  state: "not-taken" | "below-pass" | "passed";
  attempts: number;
  /** Best attempt (by share of the maximum). */
  score: number | null;
  maxScore: number | null;
};
export type MatrixCell = LessonCell | ExerciseCell | QuizCell;

export interface MatrixRow {
  learner: { id: string; name: string; email: string };
  cells: MatrixCell[];
}

export interface MatrixPage {
  columns: MatrixColumn[];
  rows: MatrixRow[];
  /** Learners matching the filter (all pages). */
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

export interface MatrixQuery {
  /** 1-based. */
  page?: number;
  /** Learners per page (1..500); `all` for the export. */
  pageSize?: number | "all";
  /** Matches name or email, case-insensitive. */
  search?: string;
}

export const DEFAULT_MATRIX_PAGE_SIZE = 50;

/** "8/12", "7.25/12": scores are sums of partial credits. */
export const compactScore = (score: number, maxScore: number) => formatScore({ score, maxScore }, "compact");

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The words for one cell: what a screen reader says, the tooltip, and the CSV value. */
export function cellText(cell: MatrixCell): string {
  switch (cell.kind) {
    case "lesson":
      return cell.state === "complete" ? "complete" : cell.state === "in-progress" ? "in progress" : "not started";
    case "exercise":
      if (cell.state === "not-attempted") return "not attempted";
      if (cell.state === "passed") {
        const runs = plural(cell.attempts, "attempt");
        return cell.attemptsToPass !== null && cell.attemptsToPass !== cell.attempts
          ? `${runs}, passed on attempt ${cell.attemptsToPass}`
          : `${runs}, passed`;
      }
      return `${plural(cell.attempts, "attempt")}, not passed (best ${cell.bestPassed}/${cell.testsTotal} tests)`;
    case "quiz":
      if (cell.state === "not-taken" || cell.score === null || cell.maxScore === null) return "not taken";
      return cell.attempts > 1 ? `${compactScore(cell.score, cell.maxScore)} (best of ${cell.attempts})` : compactScore(cell.score, cell.maxScore);
  }
}

/** The few characters shown inside the cell itself (the full text is in cellText). */
export function cellLabel(cell: MatrixCell): string {
  switch (cell.kind) {
    case "lesson":
      return cell.state === "complete" ? "✓" : cell.state === "in-progress" ? "…" : "";
    case "exercise":
      return cell.state === "not-attempted" ? "" : cell.state === "passed" ? `✓${cell.attempts}` : `✗${cell.attempts}`;
    case "quiz":
      return cell.score === null || cell.maxScore === null ? "" : compactScore(cell.score, cell.maxScore);
  }
}

interface MemberRow {
  id: string;
  name: string;
  email: string;
  total: number;
}

export async function getMatrixPage(db: PrismaClient, cohortId: string, outline: CourseOutline, query: MatrixQuery = {}): Promise<MatrixPage> {
  const columns = matrixColumns(outline);
  const all = query.pageSize === "all";
  const pageSize = all ? 0 : Math.min(Math.max(Math.floor(Number(query.pageSize ?? DEFAULT_MATRIX_PAGE_SIZE)) || DEFAULT_MATRIX_PAGE_SIZE, 1), 500);
  const page = all ? 1 : Math.max(Math.floor(Number(query.page ?? 1)) || 1, 1);
  const search = searchText(query.search);
  const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const limit = all ? null : pageSize;
  const offset = all ? 0 : (page - 1) * pageSize;

  const members = await db.$queryRaw<MemberRow[]>`
    SELECT u.id, u.name, u.email, (count(*) OVER ())::int AS total
    FROM "CohortMembership" m JOIN "User" u ON u.id = m."userId"
    WHERE m."cohortId" = ${cohortId}
      AND (${search} = '' OR u.name ILIKE ${pattern} OR u.email ILIKE ${pattern})
    ORDER BY lower(u.name), u.id
    LIMIT ${limit} OFFSET ${offset}`;

  let total = members[0]?.total ?? 0;
  if (members.length === 0 && offset > 0) {
    // Past the last page: count the matches so the caller can offer the right page numbers.
    const counted = await db.$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total FROM "CohortMembership" m JOIN "User" u ON u.id = m."userId"
      WHERE m."cohortId" = ${cohortId} AND (${search} = '' OR u.name ILIKE ${pattern} OR u.email ILIKE ${pattern})`;
    total = counted[0]?.total ?? 0;
  }
  const ids = members.map((m) => m.id);

  const [lessons, exercises, quizzes] = ids.length
    ? await Promise.all([
        db.$queryRaw<{ userId: string; lessonSlug: string; status: "IN_PROGRESS" | "COMPLETE" }[]>`
          SELECT "userId", "lessonSlug", status::text AS status FROM "LessonProgress" WHERE "userId" = ANY(${ids})`,
        db.$queryRaw<
          { userId: string; exerciseId: string; attempts: number; attemptsToPass: number | null; firstPassedAt: Date | null; bestPassed: number; testsTotal: number }[]
        >`
          SELECT "userId", "exerciseId", attempts, "attemptsToPass", "firstPassedAt", "bestPassed", "testsTotal"
          FROM "ExerciseProgress" WHERE "userId" = ANY(${ids})`,
        db.$queryRaw<{ userId: string; quizId: string; score: number; maxScore: number; attempts: number }[]>`
          SELECT DISTINCT ON ("userId", "quizId") "userId", "quizId", score, "maxScore",
                 (count(*) OVER (PARTITION BY "userId", "quizId"))::int AS attempts
          FROM "QuizAttempt"
          WHERE "userId" = ANY(${ids})
          ORDER BY "userId", "quizId", CASE WHEN "maxScore" > 0 THEN score / "maxScore" ELSE 0 END DESC, "createdAt" ASC`,
      ])
    : [[], [], []];

  const key = (userId: string, id: string) => `${userId}\u0000${id}`;
  const lessonState = new Map(lessons.map((l) => [key(l.userId, l.lessonSlug), l.status]));
  const exerciseRow = new Map(exercises.map((e) => [key(e.userId, e.exerciseId), e]));
  const quizRow = new Map(quizzes.map((q) => [key(q.userId, q.quizId), q]));
  const passPercent = new Map(outline.quizzes.map((q) => [q.id, q.passPercent]));

  const rows: MatrixRow[] = members.map((m) => ({
    learner: { id: m.id, name: m.name, email: m.email },
    cells: columns.map((column): MatrixCell => {
      const k = key(m.id, column.id);
      if (column.kind === "lesson") {
        const status = lessonState.get(k);
        return { kind: "lesson", state: status === "COMPLETE" ? "complete" : status === "IN_PROGRESS" ? "in-progress" : "not-started" };
      }
      if (column.kind === "exercise") {
        const e = exerciseRow.get(k);
        if (!e || e.attempts === 0) {
          return { kind: "exercise", state: "not-attempted", attempts: 0, attemptsToPass: null, bestPassed: 0, testsTotal: e?.testsTotal ?? 0 };
        }
        const passed = isExercisePassed(e);
        return {
          kind: "exercise",
          state: passed ? "passed" : "attempted",
          attempts: e.attempts,
          attemptsToPass: e.attemptsToPass,
          bestPassed: e.bestPassed,
          testsTotal: e.testsTotal,
        };
      }
      const q = quizRow.get(k);
      if (!q) return { kind: "quiz", state: "not-taken", attempts: 0, score: null, maxScore: null };
      const fraction = q.maxScore > 0 ? q.score / q.maxScore : 0;
      return {
        kind: "quiz",
        state: reachesPassMark(fraction, passPercent.get(column.id)) ? "passed" : "below-pass",
        attempts: q.attempts,
        score: q.score,
        maxScore: q.maxScore,
      };
    }),
  }));

  return {
    columns,
    rows,
    total,
    page,
    pageSize: all ? total : pageSize,
    pageCount: all ? 1 : Math.max(1, Math.ceil(total / pageSize)),
  };
}
