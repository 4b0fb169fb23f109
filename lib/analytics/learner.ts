/**
 * Drill-down into one learner of a cohort: their timeline (joined, lessons opened and completed,
 * exercise runs, hints and solutions viewed, quiz attempts), their latest submitted code for an exercise with its test
 * results, and their answers to a quiz. Framework-free; the caller has already checked that the
 * user may read this cohort (and submissions, for code and answers) and that the learner is a
 * member of it (lib/cohorts/access.ts: authorizeLearner).
 */
import { NO_ANSWER_TEXT } from "../quiz/grade";
import type { PrismaClient } from "../db/create-client";
import { notFound } from "../http/errors";
import { plainPrompt, type CourseOutline } from "./course";
import type { Track } from "../progress/track";
import { countCompletion, type Completion } from "./completion";
import { DEFAULT_PASS_PERCENT } from "../quiz/constants";
import { reachesPassMark } from "../quiz/score";
import { compactScore } from "./matrix";
import { isExercisePassed } from "../progress/passed";

export type TimelineEvent =
  | { kind: "joined"; at: Date }
  | { kind: "lesson-started"; at: Date; lesson: string; title: string }
  | { kind: "lesson-completed"; at: Date; lesson: string; title: string }
  | {
      kind: "exercise-run";
      at: Date;
      exercise: string;
      title: string;
      /** The server's verdict (passed, testsPassed, testsTotal are the server's figures). */
      status: "pending" | "verified_pass" | "verified_fail" | "error";
      passed: boolean;
      testsPassed: number;
      testsTotal: number;
      failingTest: string | null;
      /** The browser said every test passed. */
      claimedPassed: boolean;
    }
  | { kind: "quiz-attempt"; at: Date; quiz: string; title: string; attemptId: string; score: number; maxScore: number; passed: boolean }
  /** The first time the learner was shown hint `hint` of an exercise. */
  | { kind: "hint-viewed"; at: Date; exercise: string; title: string; hint: number }
  /** The first time the learner opened an exercise's reference solution. */
  | { kind: "solution-viewed"; at: Date; exercise: string; title: string };

export interface LearnerExerciseSummary {
  id: string;
  title: string;
  attempts: number;
  passed: boolean;
  attemptsToPass: number | null;
  bestPassed: number;
  testsTotal: number;
  lastAttemptAt: Date | null;
}

export interface LearnerQuizSummary {
  id: string;
  title: string;
  attempts: number;
  best: string | null;
  /** The first attempt's score: before any feedback or answer key. */
  first: string | null;
  passed: boolean;
}

export interface LearnerOverview {
  learner: { id: string; name: string; email: string; track: Track };
  joinedAt: Date;
  completion: Completion;
  exercises: LearnerExerciseSummary[];
  quizzes: LearnerQuizSummary[];
  /** Newest first; at most `limit` entries (the rest is summarised by `truncated`). */
  timeline: TimelineEvent[];
  truncated: boolean;
}

export const TIMELINE_LIMIT = 300;

/** Each outline item's id and title, with what `summary` makes of the learner's record of it (undefined: none yet). */
function eachItem<R, S>(items: readonly { id: string; title: string }[], records: Map<string, R>, summary: (record: R | undefined, id: string) => S) {
  return items.map(({ id, title }) => ({ id, title, ...summary(records.get(id), id) }));
}

export async function getLearnerOverview(
  db: PrismaClient,
  learnerId: string,
  joinedAt: Date,
  outline: CourseOutline,
  limit = TIMELINE_LIMIT,
): Promise<LearnerOverview> {
  const [user, lessons, exerciseProgress, runs, quizAttempts, helpViews] = await Promise.all([
    db.user.findUnique({ where: { id: learnerId }, select: { id: true, name: true, email: true, track: true } }),
    db.lessonProgress.findMany({ where: { userId: learnerId }, select: { lessonSlug: true, status: true, startedAt: true, completedAt: true } }),
    db.exerciseProgress.findMany({
      where: { userId: learnerId },
      select: { exerciseId: true, attempts: true, firstPassedAt: true, attemptsToPass: true, bestPassed: true, testsTotal: true, lastAttemptAt: true },
    }),
    db.exerciseAttempt.findMany({
      where: { userId: learnerId },
      orderBy: { createdAt: "desc" },
      take: limit,
      select: { exerciseId: true, createdAt: true, status: true, passed: true, testsPassed: true, testsTotal: true, failingTest: true, claimedPassed: true },
    }),
    db.quizAttempt.findMany({
      where: { userId: learnerId },
      orderBy: { createdAt: "desc" },
      take: limit,
      select: { id: true, quizId: true, createdAt: true, score: true, maxScore: true },
    }),
    db.exerciseHelpView.findMany({
      where: { userId: learnerId },
      orderBy: { createdAt: "desc" },
      take: limit,
      select: { exerciseId: true, kind: true, hint: true, createdAt: true },
    }),
  ]);
  if (!user) throw notFound("There is no such learner.");

  const lessonTitle = new Map(outline.lessons.map((l) => [l.slug, l.title]));
  const exerciseTitle = new Map(outline.exercises.map((e) => [e.id, e.title]));
  const quizById = new Map(outline.quizzes.map((q) => [q.id, q]));
  const quizPassed = (quizId: string, score: number, maxScore: number) =>
    maxScore > 0 && reachesPassMark(score / maxScore, quizById.get(quizId)?.passPercent);

  // Best quiz scores over ALL attempts come from a small aggregate (the list above may be cut).
  const bestQuiz = await db.$queryRaw<{ quizId: string; score: number; maxScore: number; attempts: number }[]>`
    SELECT DISTINCT ON ("quizId") "quizId", score, "maxScore", (count(*) OVER (PARTITION BY "quizId"))::int AS attempts
    FROM "QuizAttempt" WHERE "userId" = ${learnerId}
    ORDER BY "quizId", CASE WHEN "maxScore" > 0 THEN score / "maxScore" ELSE 0 END DESC, "createdAt"`;
  const bestByQuiz = new Map(bestQuiz.map((b) => [b.quizId, b]));
  const firstQuiz = await db.$queryRaw<{ quizId: string; score: number; maxScore: number }[]>`
    SELECT DISTINCT ON ("quizId") "quizId", score, "maxScore"
    FROM "QuizAttempt" WHERE "userId" = ${learnerId}
    ORDER BY "quizId", "createdAt", id`;
  const firstByQuiz = new Map(firstQuiz.map((f) => [f.quizId, f]));

  const completion = countCompletion(outline, {
    track: user.track,
    lessonsCompleted: lessons.filter((l) => l.status === "COMPLETE").map((l) => l.lessonSlug),
    exercisesPassed: exerciseProgress.filter(isExercisePassed).map((e) => e.exerciseId),
    quizBest: Object.fromEntries(bestQuiz.map((b) => [b.quizId, b.maxScore > 0 ? b.score / b.maxScore : 0])),
  });

  const events: TimelineEvent[] = [{ kind: "joined", at: joinedAt }];
  for (const l of lessons) {
    const title = lessonTitle.get(l.lessonSlug) ?? l.lessonSlug;
    events.push({ kind: "lesson-started", at: l.startedAt, lesson: l.lessonSlug, title });
    if (l.completedAt) events.push({ kind: "lesson-completed", at: l.completedAt, lesson: l.lessonSlug, title });
  }
  for (const r of runs) {
    events.push({
      kind: "exercise-run",
      at: r.createdAt,
      exercise: r.exerciseId,
      title: exerciseTitle.get(r.exerciseId) ?? r.exerciseId,
      status: r.status,
      passed: r.passed,
      testsPassed: r.testsPassed,
      testsTotal: r.testsTotal,
      failingTest: r.failingTest,
      claimedPassed: r.claimedPassed,
    });
  }
  for (const q of quizAttempts) {
    events.push({
      kind: "quiz-attempt",
      at: q.createdAt,
      quiz: q.quizId,
      title: quizById.get(q.quizId)?.title ?? q.quizId,
      attemptId: q.id,
      score: q.score,
      maxScore: q.maxScore,
      passed: quizPassed(q.quizId, q.score, q.maxScore),
    });
  }
  for (const h of helpViews) {
    const title = exerciseTitle.get(h.exerciseId) ?? h.exerciseId;
    events.push(
      h.kind === "HINT"
        ? { kind: "hint-viewed", at: h.createdAt, exercise: h.exerciseId, title, hint: h.hint }
        : { kind: "solution-viewed", at: h.createdAt, exercise: h.exerciseId, title },
    );
  }
  events.sort((a, b) => b.at.getTime() - a.at.getTime());

  const progressById = new Map(exerciseProgress.map((e) => [e.exerciseId, e]));
  return {
    learner: { id: user.id, name: user.name, email: user.email, track: user.track },
    joinedAt,
    completion,
    exercises: eachItem(outline.exercises, progressById, (p) => ({
      attempts: p?.attempts ?? 0,
      passed: p ? isExercisePassed(p) : false,
      attemptsToPass: p?.attemptsToPass ?? null,
      bestPassed: p?.bestPassed ?? 0,
      testsTotal: p?.testsTotal ?? 0,
      lastAttemptAt: p?.lastAttemptAt ?? null,
    })),
    quizzes: eachItem(outline.quizzes, bestByQuiz, (b, quizId) => {
      const first = firstByQuiz.get(quizId);
      return {
        attempts: b?.attempts ?? 0,
        best: b ? compactScore(b.score, b.maxScore) : null,
        first: first ? compactScore(first.score, first.maxScore) : null,
        passed: b ? quizPassed(quizId, b.score, b.maxScore) : false,
      };
    }),
    timeline: events.slice(0, limit),
    truncated: events.length > limit,
  };
}

export interface StoredTestResult {
  name: string;
  status: "pass" | "fail" | "error";
  message?: string;
  expected?: string;
  actual?: string;
  output?: string[];
  line?: number;
}

export interface Submission {
  exercise: { id: string; title: string };
  attemptId: string;
  at: Date;
  code: string;
  passed: boolean;
  testsPassed: number;
  testsTotal: number;
  results: StoredTestResult[];
  /** Runs of this exercise so far (all of them, this one included). */
  runs: number;
}

/** Keeps the fields a result table shows, whatever else the stored JSON has. */
function readResults(json: unknown): StoredTestResult[] {
  if (!Array.isArray(json)) return [];
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  return json
    .filter((r): r is Record<string, unknown> => typeof r === "object" && r !== null && typeof (r as { name?: unknown }).name === "string")
    .map((r) => ({
      name: r.name as string,
      status: r.status === "pass" || r.status === "fail" || r.status === "error" ? r.status : "error",
      message: str(r.message),
      expected: str(r.expected),
      actual: str(r.actual),
      output: Array.isArray(r.output) ? r.output.filter((line): line is string => typeof line === "string") : undefined,
      line: typeof r.line === "number" ? r.line : undefined,
    }));
}

/** The learner's latest run of an exercise: the code they ran and its test results. 404 if none. */
export async function getLatestSubmission(db: PrismaClient, learnerId: string, exerciseId: string, outline: CourseOutline): Promise<Submission> {
  const exercise = outline.exercises.find((e) => e.id === exerciseId);
  const [latest, runs] = await Promise.all([
    db.exerciseAttempt.findFirst({
      where: { userId: learnerId, exerciseId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, createdAt: true, code: true, passed: true, testsPassed: true, testsTotal: true, results: true },
    }),
    db.exerciseAttempt.count({ where: { userId: learnerId, exerciseId } }),
  ]);
  if (!latest) throw notFound("This learner has not run this exercise yet.");
  return {
    exercise: { id: exerciseId, title: exercise?.title ?? exerciseId },
    attemptId: latest.id,
    at: latest.createdAt,
    code: latest.code,
    passed: latest.passed,
    testsPassed: latest.testsPassed,
    testsTotal: latest.testsTotal,
    results: readResults(latest.results),
    runs,
  };
}

export interface AnsweredQuestion {
  questionId: string;
  number: number | null;
  /** null: the question is no longer in the quiz (the page says so in its language). */
  prompt: string | null;
  /** The answer in words as recorded; null when the learner gave none (the page words it). */
  given: string | null;
  correctAnswer: string;
  credit: number;
  correct: boolean;
}

export interface QuizAnswers {
  quiz: { id: string; title: string; passPercent: number };
  attempts: { id: string; at: Date; score: number; maxScore: number; scoreText: string; passed: boolean; answers: AnsweredQuestion[] }[];
}

/** Every attempt of a quiz by the learner (newest first), each with the answer given to every question. */
export async function getQuizAnswers(db: PrismaClient, learnerId: string, quizId: string, outline: CourseOutline): Promise<QuizAnswers> {
  const quiz = outline.quizzes.find((q) => q.id === quizId);
  const attempts = await db.quizAttempt.findMany({
    where: { userId: learnerId, quizId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
    select: { id: true, createdAt: true, score: true, maxScore: true, results: true },
  });
  if (!quiz && attempts.length === 0) throw notFound("There is no such quiz.");
  const passPercent = quiz?.passPercent ?? DEFAULT_PASS_PERCENT;
  const position = new Map((quiz?.questions ?? []).map((q, i) => [q.id, { number: i + 1, prompt: plainPrompt(q.prompt) }]));
  return {
    quiz: { id: quizId, title: quiz?.title ?? quizId, passPercent },
    attempts: attempts.map((a) => {
      const results = Array.isArray(a.results) ? (a.results as Record<string, unknown>[]) : [];
      const answers: AnsweredQuestion[] = results
        .filter((r) => typeof r === "object" && r !== null && typeof r.questionId === "string")
        .map((r) => {
          const id = r.questionId as string;
          const where = position.get(id);
          const credit = typeof r.credit === "number" ? r.credit : 0;
          return {
            questionId: id,
            number: where?.number ?? null,
            prompt: where?.prompt ?? null,
            given: typeof r.givenText === "string" && r.givenText !== NO_ANSWER_TEXT ? r.givenText : null,
            correctAnswer: typeof r.correctAnswerText === "string" ? r.correctAnswerText : "",
            credit,
            correct: r.correct === true,
          };
        })
        .sort((x, y) => (x.number ?? Infinity) - (y.number ?? Infinity));
      return {
        id: a.id,
        at: a.createdAt,
        score: a.score,
        maxScore: a.maxScore,
        scoreText: compactScore(a.score, a.maxScore),
        passed: a.maxScore > 0 && (a.score / a.maxScore) * 100 >= passPercent - 1e-9,
        answers,
      };
    }),
  };
}
