/**
 * Test fixtures for the dashboard: a small course outline and a way to give a cohort member
 * lesson progress, exercise runs and quiz attempts, written as the other features' write paths
 * write them (ExerciseProgress summarises the runs; QuizAttempt.results is gradeQuiz's list).
 * Used by tests only.
 */
import type { PrismaClient } from "../../lib/db/create-client";
import type { CourseOutline } from "../../lib/analytics/course";

/** Three lessons (one builder-only), two exercises, one three-question quiz. */
export const FIXTURE_OUTLINE: CourseOutline = {
  lessons: [
    { slug: "intro", title: "Intro", chapterNumber: 1, chapterTitle: "One", href: "/learn/one/intro", track: "concept", exercises: [] },
    { slug: "build-it", title: "Build it", chapterNumber: 1, chapterTitle: "One", href: "/learn/one/build-it", track: "builder", exercises: ["ex-one", "ex-two"] },
    { slug: "wrap-up", title: "Wrap up", chapterNumber: 2, chapterTitle: "Two", href: "/learn/two/wrap-up", track: "concept", exercises: [], quiz: "quiz-one" },
  ],
  exercises: [
    { id: "ex-one", title: "Exercise one", lesson: "build-it" },
    { id: "ex-two", title: "Exercise two", lesson: "build-it" },
  ],
  quizzes: [
    {
      id: "quiz-one",
      title: "Quiz one",
      lesson: "wrap-up",
      passPercent: 70,
      questions: [
        { id: "qa", prompt: "What is *attention*?", type: "single" },
        { id: "qb", prompt: "Order the [stages](/learn/two/wrap-up).", type: "ordering" },
        { id: "qc", prompt: "Pick all that apply.", type: "multiple" },
      ],
    },
  ],
};

export interface LessonSpec {
  slug: string;
  status: "IN_PROGRESS" | "COMPLETE";
  startedAt: Date;
  completedAt?: Date;
  updatedAt?: Date;
}

export interface RunSpec {
  exerciseId: string;
  at: Date;
  passed: boolean;
  /** First failing test of a failed run. */
  failingTest?: string;
  code?: string;
  testsTotal?: number;
}

export interface QuizSpec {
  quizId: string;
  at: Date;
  /** questionId -> credit. */
  credits: Record<string, number>;
}

let runCounter = 0;

export async function recordLessons(db: PrismaClient, userId: string, lessons: LessonSpec[]): Promise<void> {
  if (lessons.length === 0) return;
  await db.lessonProgress.createMany({
    data: lessons.map((l) => ({
      userId,
      lessonSlug: l.slug,
      status: l.status,
      startedAt: l.startedAt,
      completedAt: l.completedAt ?? null,
      updatedAt: l.updatedAt ?? l.completedAt ?? l.startedAt,
    })),
  });
}

/** Writes the runs and the ExerciseProgress rows summarising them. */
export async function recordRuns(db: PrismaClient, userId: string, runs: RunSpec[]): Promise<void> {
  if (runs.length === 0) return;
  const sorted = [...runs].sort((a, b) => a.at.getTime() - b.at.getTime());
  // Fixture runs stand for runs the server has verified (the claim equals the verdict).
  await db.exerciseAttempt.createMany({
    data: sorted.map((r) => {
      const total = r.testsTotal ?? 4;
      const passedTests = r.passed ? total : total - 1;
      runCounter += 1;
      return {
        userId,
        exerciseId: r.exerciseId,
        clientRunId: `run-${runCounter}-${Math.random().toString(36).slice(2)}`,
        code: r.code ?? `export function f() { return ${runCounter}; }`,
        passed: r.passed,
        testsPassed: passedTests,
        testsTotal: total,
        results: Array.from({ length: total }, (_, i) =>
          !r.passed && i === total - 1
            ? { name: r.failingTest ?? "a test", status: "fail", message: "expected 1, got 2", expected: "1", actual: "2" }
            : { name: i === total - 1 ? (r.failingTest ?? "a test") : `test ${i + 1}`, status: "pass" },
        ),
        failingTest: r.passed ? null : (r.failingTest ?? "a test"),
        durationMs: 12,
        createdAt: r.at,
      };
    }).map((row) => ({
      ...row,
      status: row.passed ? ("verified_pass" as const) : ("verified_fail" as const),
      verifiedAt: row.createdAt,
      claimedPassed: row.passed,
      claimedTestsPassed: row.testsPassed,
      claimedTestsTotal: row.testsTotal,
      claimedResults: row.results,
    })),
  });
  const byExercise = new Map<string, RunSpec[]>();
  for (const r of sorted) byExercise.set(r.exerciseId, [...(byExercise.get(r.exerciseId) ?? []), r]);
  await db.exerciseProgress.createMany({
    data: [...byExercise.entries()].map(([exerciseId, list]) => {
      const firstPass = list.findIndex((r) => r.passed);
      const total = list[0].testsTotal ?? 4;
      return {
        userId,
        exerciseId,
        attempts: list.length,
        bestPassed: firstPass >= 0 ? total : total - 1,
        testsTotal: total,
        firstPassedAt: firstPass >= 0 ? list[firstPass].at : null,
        attemptsToPass: firstPass >= 0 ? firstPass + 1 : null,
        firstAttemptAt: list[0].at,
        lastAttemptAt: list[list.length - 1].at,
      };
    }),
  });
}

export async function recordQuizzes(db: PrismaClient, userId: string, attempts: QuizSpec[], outline: CourseOutline = FIXTURE_OUTLINE): Promise<void> {
  if (attempts.length === 0) return;
  await db.quizAttempt.createMany({
    data: attempts.map((a, i) => {
      const questions = outline.quizzes.find((q) => q.id === a.quizId)?.questions ?? [];
      const results = questions.map((q) => {
        const credit = a.credits[q.id] ?? 0;
        return {
          questionId: q.id,
          type: q.type,
          correct: credit === 1,
          credit,
          explanation: "Because attention compares every token with every other.",
          section: "/learn/two/wrap-up",
          givenText: credit === 1 ? "The right answer" : credit > 0 ? "Partly right" : "A wrong answer",
          correctAnswerText: "The right answer",
        };
      });
      return {
        userId,
        quizId: a.quizId,
        clientAttemptId: `quiz-${i}-${Math.random().toString(36).slice(2)}`,
        seed: 1,
        answers: {},
        results,
        score: Math.round(results.reduce((s, r) => s + r.credit, 0) * 100) / 100,
        maxScore: questions.length,
        createdAt: a.at,
      };
    }),
  });
}

let learnerCounter = 0;

/** A learner who joined the cohort at `joinedAt`. */
export async function addLearner(
  db: PrismaClient,
  cohortId: string,
  name: string,
  options: { track?: "BUILDER" | "CONCEPT"; joinedAt?: Date; email?: string } = {},
): Promise<{ id: string; name: string; email: string }> {
  learnerCounter += 1;
  const email = options.email ?? `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${learnerCounter}-${Date.now()}@example.test`;
  const user = await db.user.create({ data: { name, email, track: options.track ?? "BUILDER" }, select: { id: true, name: true, email: true } });
  await db.cohortMembership.create({ data: { cohortId, userId: user.id, joinedAt: options.joinedAt ?? new Date() } });
  return user;
}
