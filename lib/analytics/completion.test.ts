/**
 * The roster's completion must be the number a learner sees on their own dashboard. Checked on
 * the real course against lib/progress/summary.ts for many random learners on both tracks.
 */
import { describe, expect, it } from "@jest/globals";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { loadCourseIndex } from "../course/course-index";
import { summarizeProgress, type ProgressSnapshot } from "../progress/summary";
import { seededRandom } from "../seeded-random";
import { matrixColumns } from "./course";
import { countCompletion } from "./completion";

const root = path.join(__dirname, "../..");
/** The course as the repository has it: every lesson file, exercise folder and quiz file. */
const onDisk = {
  lessons: readdirSync(path.join(root, "content/chapters"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".mdx")).length,
  exercises: readdirSync(path.join(root, "exercises")).filter((d) => existsSync(path.join(root, "exercises", d, "meta.json"))).length,
  quizzes: readdirSync(path.join(root, "content/quizzes")).filter((f) => f.endsWith(".json")).length,
};

const { catalog, outline } = loadCourseIndex();

describe("the course outline", () => {
  it("has every lesson, exercise and quiz of the repository, with their questions", () => {
    expect(onDisk.lessons).toBeGreaterThanOrEqual(20);
    expect(outline.lessons).toHaveLength(onDisk.lessons);
    expect(outline.exercises).toHaveLength(onDisk.exercises);
    expect(outline.quizzes).toHaveLength(onDisk.quizzes);
    for (const quiz of outline.quizzes) {
      expect(quiz.questions.length).toBeGreaterThan(5);
      expect(new Set(quiz.questions.map((q) => q.id)).size).toBe(quiz.questions.length);
    }
    const columns = matrixColumns(outline);
    expect(columns).toHaveLength(onDisk.lessons + onDisk.exercises + onDisk.quizzes);
    expect(columns[0]).toMatchObject({ kind: "lesson", id: "what-is-ai", short: "L1" });
    // The softmax exercise sits right after its lesson, self-attention.
    const at = columns.findIndex((c) => c.id === "self-attention");
    expect(columns.slice(at, at + 3).map((c) => c.id)).toEqual(["self-attention", "softmax", "scaled-dot-product-attention"]);
    expect(columns.filter((c) => c.kind === "quiz").map((c) => c.short)).toEqual(outline.quizzes.map((_, i) => `Q${i + 1}`));
    // Every table lists exercises and quizzes in the order of the columns, i.e. the course.
    expect(outline.exercises.map((e) => e.id)).toEqual(columns.filter((c) => c.kind === "exercise").map((c) => c.id));
    expect(outline.quizzes.map((q) => q.id)).toEqual(["foundations-quiz", "taxonomy-quiz", "language-models-quiz", "transformer-quiz", "learning-quiz", "training-quiz", "gpt-quiz"]);
  });
});

describe("completion", () => {
  it("matches the learner dashboard's count for 200 random learners", () => {
    const random = seededRandom(20261129); // deterministic, so a failure can be replayed
    for (let n = 0; n < 200; n++) {
      const track = random() < 0.5 ? "BUILDER" : "CONCEPT";
      const completed = catalog.lessons.filter(() => random() < 0.6).map((l) => l.slug);
      const inProgress = catalog.lessons.filter((l) => !completed.includes(l.slug) && random() < 0.3).map((l) => l.slug);
      const passed = catalog.exercises.filter(() => random() < 0.5).map((e) => e.id);
      const quizBest: Record<string, number> = {};
      for (const q of catalog.quizzes) if (random() < 0.7) quizBest[q.id] = Math.round(random() * q.questionCount * 4) / 4 / q.questionCount;
      // An orphan: progress on a lesson no longer in the course is ignored by both.
      completed.push("a-removed-lesson");

      const snapshot: ProgressSnapshot = {
        track,
        lessons: [
          ...completed.map((slug) => ({ slug, status: "complete" as const, section: null, timeSpentSeconds: 0, startedAt: 0, completedAt: 1, updatedAt: 1 })),
          ...inProgress.map((slug) => ({ slug, status: "in-progress" as const, section: null, timeSpentSeconds: 0, startedAt: 0, completedAt: null, updatedAt: 1 })),
        ],
        exercises: passed.map((id) => ({ id, attempts: 2, bestPassed: 5, testsTotal: 5, passedAt: 1, lastAttemptAt: 1 })),
        quizzes: Object.entries(quizBest).map(([id, best]) => {
          const maxScore = catalog.quizzes.find((q) => q.id === id)!.questionCount;
          const score = { score: best * maxScore, maxScore, at: 1 };
          return { id, attempts: 1, best: score, latest: score };
        }),
        events: [],
      };
      const dashboard = summarizeProgress(catalog, snapshot).overall;
      const mine = countCompletion(outline, { track, lessonsCompleted: completed, exercisesPassed: passed, quizBest });
      expect({ n, done: mine.done, total: mine.total, percent: mine.percent }).toEqual({ n, ...dashboard });
    }
  });
});
