/**
 * Quiz item analysis for a cohort: per question, facility and the discrimination index as Moodle
 * computes it, via lib/quiz/item-analysis.ts (analyseItems), over each learner's FIRST attempt of a
 * quiz (Moodle's default: later attempts are coached by the feedback of the first), with the
 * facility and mean score of each learner's BEST attempt beside it.
 *
 * One query for all quizzes: the database picks every member's first attempt per quiz and
 * reduces its stored results (which carry explanations and feedback: kilobytes per attempt) to
 * `{ questionId: credit }`, so only the numbers cross the wire. Reading those results is the
 * costly part (they are stored compressed), so, like Moodle's quiz statistics, the analysis is
 * cached per cohort and recomputed only when the set of its members' attempts changes (a new
 * attempt, a learner joining or leaving): a cheap fingerprint query (count and hash of the
 * attempts' keys, learner and client attempt id: the unique index holds both, so it reads no
 * table rows) decides. The cache is per process and bounded. Questions are those of the quiz
 * file now; credits for questions since removed are ignored, and a question added since counts
 * as unanswered (0) in older attempts, as analyseItems does for any missing question.
 * Framework-free; the caller has already checked that the user may read this cohort.
 */
import type { PrismaClient } from "../db/create-client";
import { analyseItems, LOW_DISCRIMINATION, type AttemptCredits, type ItemStats } from "../quiz/item-analysis";
import { plainPrompt, type CourseOutline } from "./course";

export interface QuestionStats extends ItemStats {
  /** Position in the quiz, 1-based. */
  number: number;
  /** Facility over each learner's BEST attempt (0..1), beside the first-attempt facility. */
  bestFacility: number | null;
  prompt: string;
  type: string;
}

export interface QuizItemAnalysis {
  id: string;
  title: string;
  /** Learners whose first attempt is analysed. */
  learners: number;
  /** Mean first-attempt score in percent (one decimal); null without attempts. */
  meanPercent: number | null;
  /**
   * Mean best-attempt score in percent. A wide gap to the first attempt means learners improved
   * on retakes, or, where the review policy shows the key, that later attempts were answered from it.
   */
  bestMeanPercent: number | null;
  threshold: number;
  questions: QuestionStats[];
}

const CACHE_LIMIT = 200;
const cache = new Map<string, { fingerprint: string; value: QuizItemAnalysis[] }>();
const outlineKeys = new WeakMap<CourseOutline, string>();

/** Which questions the analysis is over, in which words: part of the fingerprint, so a changed quiz file (or language) recomputes. */
function outlineKey(outline: CourseOutline): string {
  let key = outlineKeys.get(outline);
  if (key === undefined) {
    // The words too: the same cohort is analysed with an English and a Chinese outline.
    key = outline.quizzes.map((q) => `${q.id}:${q.title}:${q.questions.map((x) => `${x.id}=${x.prompt}`).join(",")}`).join(";");
    outlineKeys.set(outline, key);
  }
  return key;
}

export async function getItemAnalysis(
  db: PrismaClient,
  cohortId: string,
  outline: CourseOutline,
  options: { cache?: boolean } = {},
): Promise<QuizItemAnalysis[]> {
  if (options.cache === false) return computeItemAnalysis(db, cohortId, outline);
  const [print] = await db.$queryRaw<{ attempts: number; hash: string }[]>`
    SELECT count(*)::int AS attempts, COALESCE(sum(hashtext(q."userId" || ' ' || q."clientAttemptId")::bigint), 0)::text AS hash
    FROM "QuizAttempt" q
    JOIN "CohortMembership" m ON m."userId" = q."userId" AND m."cohortId" = ${cohortId}`;
  const fingerprint = `${print.attempts}:${print.hash}:${outlineKey(outline)}`;
  const hit = cache.get(cohortId);
  if (hit && hit.fingerprint === fingerprint) {
    cache.delete(cohortId); // most recently used goes last
    cache.set(cohortId, hit);
    return hit.value;
  }
  const value = await computeItemAnalysis(db, cohortId, outline);
  cache.delete(cohortId);
  cache.set(cohortId, { fingerprint, value });
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return value;
}

async function computeItemAnalysis(db: PrismaClient, cohortId: string, outline: CourseOutline): Promise<QuizItemAnalysis[]> {
  const rows = await db.$queryRaw<{ quizId: string; basis: "first" | "best"; credits: AttemptCredits | null }[]>`
    WITH member_attempts AS (
      SELECT q.id, q."userId", q."quizId", q.results, q."createdAt",
             CASE WHEN q."maxScore" > 0 THEN q.score / q."maxScore" ELSE 0 END AS ratio
      FROM "QuizAttempt" q
      JOIN "CohortMembership" m ON m."userId" = q."userId" AND m."cohortId" = ${cohortId}
    ), picked AS (
      (SELECT DISTINCT ON ("userId", "quizId") 'first' AS basis, "quizId", results FROM member_attempts ORDER BY "userId", "quizId", "createdAt", id)
      UNION ALL
      (SELECT DISTINCT ON ("userId", "quizId") 'best' AS basis, "quizId", results FROM member_attempts ORDER BY "userId", "quizId", ratio DESC, "createdAt", id)
    )
    SELECT p."quizId", p.basis,
           (SELECT jsonb_object_agg(r->>'questionId', COALESCE((r->>'credit')::float8, 0))
              FROM jsonb_array_elements(CASE WHEN jsonb_typeof(p.results::jsonb) = 'array' THEN p.results::jsonb ELSE '[]'::jsonb END) r
             WHERE r->>'questionId' IS NOT NULL) AS credits
    FROM picked p`;

  const attemptsByQuiz = new Map<string, AttemptCredits[]>();
  const bestByQuiz = new Map<string, AttemptCredits[]>();
  for (const row of rows) {
    const into = row.basis === "best" ? bestByQuiz : attemptsByQuiz;
    const list = into.get(row.quizId) ?? [];
    list.push(row.credits ?? {});
    into.set(row.quizId, list);
  }
  const meanPercentOf = (attempts: AttemptCredits[], ids: string[]) =>
    attempts.length === 0 || ids.length === 0
      ? null
      : Math.round((attempts.reduce((sum, a) => sum + ids.reduce((s, id) => s + (Number.isFinite(a[id]) ? a[id] : 0), 0), 0) / attempts.length / ids.length) * 1000) / 10;

  return outline.quizzes.map((quiz) => {
    const attempts = attemptsByQuiz.get(quiz.id) ?? [];
    const ids = quiz.questions.map((q) => q.id);
    const best = bestByQuiz.get(quiz.id) ?? [];
    const stats = analyseItems(ids, attempts);
    const bestStats = analyseItems(ids, best);
    return {
      id: quiz.id,
      title: quiz.title,
      learners: attempts.length,
      meanPercent: meanPercentOf(attempts, ids),
      bestMeanPercent: meanPercentOf(best, ids),
      threshold: LOW_DISCRIMINATION,
      questions: stats.map((s, i) => ({
        ...s,
        number: i + 1,
        prompt: plainPrompt(quiz.questions[i].prompt),
        type: quiz.questions[i].type,
        bestFacility: bestStats[i].facility,
      })),
    };
  });
}
