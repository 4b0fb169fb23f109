import { describe, expect, it } from "@jest/globals";
import { fixtureCatalog } from "../../tests/support/progress-catalog-fixture";
import { formatPoints as formatScore } from "../quiz/score";
import { formatDuration, summarizeProgress, type LessonProgressItem, type ProgressSnapshot } from "./summary";

const catalog = fixtureCatalog();
const T = (minute: number) => Date.UTC(2026, 0, 1, 10, minute);

const lesson = (slug: string, status: LessonProgressItem["status"], updatedMinute: number, extra: Partial<LessonProgressItem> = {}): LessonProgressItem => ({
  slug,
  status,
  section: null,
  timeSpentSeconds: 0,
  startedAt: T(updatedMinute),
  completedAt: status === "complete" ? T(updatedMinute) : null,
  updatedAt: T(updatedMinute),
  ...extra,
});

const empty = (track: ProgressSnapshot["track"] = "BUILDER"): ProgressSnapshot => ({ track, lessons: [], exercises: [], quizzes: [], events: [] });

describe("summarizeProgress: counting", () => {
  it("counts lessons, exercises and quizzes on the builder track", () => {
    const s = summarizeProgress(catalog, empty("BUILDER"));
    // 5 lessons + 3 exercises + 2 quizzes
    expect(s.overall).toEqual({ done: 0, total: 10, percent: 0 });
    expect(s.chapters.map((c) => [c.slug, c.total])).toEqual([
      ["basics", 3],
      ["attention", 7],
    ]);
    expect(s.started).toBe(false);
  });

  it("leaves coding exercises and builder-only lessons out on the concept track, and loses nothing when switching", () => {
    const snapshot: ProgressSnapshot = {
      ...empty("CONCEPT"),
      lessons: [lesson("what-is-ai", "complete", 1), lesson("attention-lab", "complete", 2)],
      exercises: [{ id: "softmax", attempts: 2, bestPassed: 5, testsTotal: 5, passedAt: T(3), lastAttemptAt: T(3) }],
    };
    const concept = summarizeProgress(catalog, snapshot);
    // 4 concept lessons + 2 quizzes
    expect(concept.overall).toEqual({ done: 1, total: 6, percent: 17 });
    expect(concept.lessons).toEqual({ done: 1, total: 4 });
    expect(concept.exercises).toMatchObject({ counted: false, passed: 1 });
    expect(concept.chapters[1].lessons.find((l) => l.slug === "attention-lab")).toMatchObject({ counted: false, status: "complete" });

    const builder = summarizeProgress(catalog, { ...snapshot, track: "BUILDER" });
    expect(builder.overall).toEqual({ done: 3, total: 10, percent: 30 });
    expect(builder.exercises.list.map((e) => e.id)).toEqual(["softmax"]);
  });

  it("passes an exercise on its first all-green run and a quiz on its best score against the pass mark", () => {
    const s = summarizeProgress(catalog, {
      ...empty(),
      exercises: [
        { id: "softmax", attempts: 3, bestPassed: 6, testsTotal: 6, passedAt: T(5), lastAttemptAt: T(6) },
        { id: "attention", attempts: 4, bestPassed: 5, testsTotal: 6, passedAt: null, lastAttemptAt: T(7) },
      ],
      quizzes: [
        { id: "basics-quiz", attempts: 2, best: { score: 7, maxScore: 10, at: T(1) }, latest: { score: 5, maxScore: 10, at: T(2) } },
        { id: "attention-quiz", attempts: 1, best: { score: 4.5, maxScore: 8, at: T(3) }, latest: { score: 4.5, maxScore: 8, at: T(3) } },
      ],
    });
    expect(s.exercises.passed).toBe(1);
    expect(s.exercises.next).toEqual({ id: "attention", title: "Attention", href: "/learn/attention/self-attention", lessonTitle: "Self attention" });
    expect(s.quizzes.passed).toBe(1);
    const basics = s.quizzes.scores.find((q) => q.id === "basics-quiz")!;
    expect(basics).toMatchObject({ passed: true, attempts: 2, best: { score: 7, percent: 70 }, latest: { score: 5, percent: 50 }, href: "/learn/basics/aigc-and-agi" });
    // 4.5 / 8 = 56.3 % < 60 %
    expect(s.quizzes.scores.find((q) => q.id === "attention-quiz")).toMatchObject({ passed: false, best: { percent: 56.3 } });
  });

  it("adds up time spent, including time on lessons no longer in the course", () => {
    const s = summarizeProgress(catalog, {
      ...empty(),
      lessons: [lesson("what-is-ai", "in-progress", 1, { timeSpentSeconds: 300 }), lesson("old-lesson", "complete", 2, { timeSpentSeconds: 60 })],
    });
    expect(s.timeSpentSeconds).toBe(360);
  });
});

describe("summarizeProgress: content that changed", () => {
  it("keeps and reports progress on lessons, exercises and quizzes that left the course", () => {
    const s = summarizeProgress(catalog, {
      ...empty(),
      lessons: [lesson("renamed-lesson", "complete", 1), lesson("removed-lesson", "in-progress", 2), lesson("what-is-ai", "complete", 3)],
      exercises: [{ id: "old-exercise", attempts: 1, bestPassed: 1, testsTotal: 1, passedAt: T(4), lastAttemptAt: T(4) }],
      quizzes: [],
      events: [{ kind: "exercise-run", id: "old-exercise", at: T(4), passed: true, testsPassed: 1, testsTotal: 1 }],
    });
    expect(s.orphans).toEqual({
      lessons: 2,
      exercises: 1,
      quizzes: 0,
      messages: ["2 items refer to lessons no longer in the course", "1 item refers to an exercise no longer in the course"],
    });
    expect(s.overall.done).toBe(1);
    expect(s.recentActivity[0]).toEqual({ at: T(4), text: "Passed exercise “old-exercise” (no longer in the course): 1 / 1 tests passed", href: null });
    // Continue ignores lessons that are gone.
    expect(s.continueAt?.lessonSlug).toBe("aigc-and-agi");
  });
});

describe("summarizeProgress: continue where you left off", () => {
  it("starts at the first lesson when nothing is done", () => {
    expect(summarizeProgress(catalog, empty()).continueAt).toMatchObject({ href: "/learn/basics/what-is-ai", reason: "start", sectionId: null });
  });

  it("resumes the lesson touched last at its section, with the section's title", () => {
    const s = summarizeProgress(catalog, {
      ...empty(),
      lessons: [
        lesson("what-is-ai", "complete", 1),
        lesson("self-attention", "in-progress", 9, { section: "why-divide-by-sqrtd_k" }),
        lesson("aigc-and-agi", "in-progress", 5, { section: "intro" }),
      ],
    });
    expect(s.continueAt).toEqual({
      href: "/learn/attention/self-attention#why-divide-by-sqrtd_k",
      lessonSlug: "self-attention",
      lessonTitle: "Self attention",
      chapterTitle: "Attention",
      sectionId: "why-divide-by-sqrtd_k",
      sectionTitle: "Why divide by sqrt(d_k)?",
      reason: "resume",
    });
  });

  it("after completing a lesson, goes on to the next unfinished one (resuming it if started), wrapping round", () => {
    const next = summarizeProgress(catalog, { ...empty(), lessons: [lesson("what-is-ai", "complete", 2)] });
    expect(next.continueAt).toMatchObject({ lessonSlug: "aigc-and-agi", reason: "next", href: "/learn/basics/aigc-and-agi" });

    const resumeNext = summarizeProgress(catalog, {
      ...empty(),
      lessons: [lesson("what-is-ai", "complete", 2), lesson("aigc-and-agi", "in-progress", 1, { section: "agi" })],
    });
    expect(resumeNext.continueAt).toMatchObject({ lessonSlug: "aigc-and-agi", reason: "resume", href: "/learn/basics/aigc-and-agi#agi", sectionTitle: null });

    const wrap = summarizeProgress(catalog, { ...empty(), lessons: [lesson("three-families", "complete", 2)] });
    expect(wrap.continueAt?.lessonSlug).toBe("what-is-ai");
  });

  it("skips builder-only lessons on the concept track", () => {
    const s = summarizeProgress(catalog, { ...empty("CONCEPT"), lessons: [lesson("self-attention", "complete", 2)] });
    expect(s.continueAt?.lessonSlug).toBe("three-families");
  });

  it("with every lesson read, points at the first lesson with work left, then at nothing", () => {
    const allRead = catalog.lessons.map((l, i) => lesson(l.slug, "complete", i));
    const s = summarizeProgress(catalog, { ...empty(), lessons: allRead });
    expect(s.continueAt).toMatchObject({ lessonSlug: "aigc-and-agi", reason: "finish" });
    const concept = summarizeProgress(catalog, {
      ...empty("CONCEPT"),
      lessons: allRead,
      quizzes: [
        { id: "basics-quiz", attempts: 1, best: { score: 10, maxScore: 10, at: T(1) }, latest: { score: 10, maxScore: 10, at: T(1) } },
        { id: "attention-quiz", attempts: 1, best: { score: 8, maxScore: 8, at: T(1) }, latest: { score: 8, maxScore: 8, at: T(1) } },
      ],
    });
    expect(concept.continueAt).toBeNull();
    expect(concept.overall.percent).toBe(100);
  });
});

describe("summarizeProgress: recent activity", () => {
  it("lists the newest events first, in words, with links", () => {
    const s = summarizeProgress(
      catalog,
      {
        ...empty(),
        lessons: [lesson("what-is-ai", "complete", 1, { startedAt: T(0) })],
        events: [
          { kind: "exercise-run", id: "softmax", at: T(3), passed: false, testsPassed: 4, testsTotal: 6 },
          { kind: "quiz-attempt", id: "basics-quiz", at: T(4), score: 6.6667, maxScore: 10 },
          { kind: "quiz-attempt", id: "basics-quiz", at: T(5), score: null, maxScore: null },
        ],
      },
      { recentLimit: 4 },
    );
    expect(s.recentActivity).toEqual([
      { at: T(5), text: "Took quiz “Basics quiz”", href: "/learn/basics/aigc-and-agi" },
      { at: T(4), text: "Took quiz “Basics quiz”: 6.67 / 10", href: "/learn/basics/aigc-and-agi" },
      { at: T(3), text: "Ran exercise “Softmax”: 4 / 6 tests passed", href: "/learn/attention/self-attention" },
      { at: T(1), text: "Completed “What is ai”", href: "/learn/basics/what-is-ai" },
    ]);
  });
});

describe("formatting", () => {
  it("formats durations and scores for people", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(59)).toBe("59 s");
    expect(formatDuration(600)).toBe("10 min");
    expect(formatDuration(3600)).toBe("1 h");
    expect(formatDuration(3725)).toBe("1 h 2 min");
    expect(formatScore(7)).toBe("7");
    expect(formatScore(6.6667)).toBe("6.67");
  });
});
