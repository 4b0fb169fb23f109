import { describe, expect, it } from "@jest/globals";
import { cellLabel, cellText, compactScore as formatScore } from "./matrix";
import { formatDuration } from "./exercises";
import { completionDistribution } from "./completion";

describe("matrix cells in words", () => {
  it("lessons", () => {
    expect(cellText({ kind: "lesson", state: "complete" })).toBe("complete");
    expect(cellText({ kind: "lesson", state: "in-progress" })).toBe("in progress");
    expect(cellText({ kind: "lesson", state: "not-started" })).toBe("not started");
    expect(cellLabel({ kind: "lesson", state: "complete" })).toBe("✓");
    expect(cellLabel({ kind: "lesson", state: "not-started" })).toBe("");
  });

  it("exercises: attempts, when it passed, and the best result when it did not", () => {
    const base = { kind: "exercise" as const, bestPassed: 6, testsTotal: 6 };
    expect(cellText({ ...base, state: "passed", attempts: 3, attemptsToPass: 3 })).toBe("3 attempts, passed");
    expect(cellText({ ...base, state: "passed", attempts: 1, attemptsToPass: 1 })).toBe("1 attempt, passed");
    expect(cellText({ ...base, state: "passed", attempts: 5, attemptsToPass: 2 })).toBe("5 attempts, passed on attempt 2");
    expect(cellText({ ...base, state: "attempted", attempts: 4, attemptsToPass: null, bestPassed: 5 })).toBe("4 attempts, not passed (best 5/6 tests)");
    expect(cellText({ ...base, state: "not-attempted", attempts: 0, attemptsToPass: null })).toBe("not attempted");
    expect(cellLabel({ ...base, state: "passed", attempts: 3, attemptsToPass: 3 })).toBe("✓3");
    expect(cellLabel({ ...base, state: "attempted", attempts: 4, attemptsToPass: null })).toBe("✗4");
  });

  it("quizzes: best score over the maximum, and how many attempts it was the best of", () => {
    expect(cellText({ kind: "quiz", state: "below-pass", attempts: 1, score: 8, maxScore: 12 })).toBe("8/12");
    expect(cellText({ kind: "quiz", state: "passed", attempts: 3, score: 10.67, maxScore: 12 })).toBe("10.67/12 (best of 3)");
    expect(cellText({ kind: "quiz", state: "not-taken", attempts: 0, score: null, maxScore: null })).toBe("not taken");
    expect(cellLabel({ kind: "quiz", state: "passed", attempts: 3, score: 10.67, maxScore: 12 })).toBe("10.67/12");
    expect(formatScore(7.25, 12)).toBe("7.25/12");
  });
});

describe("durations", () => {
  it("read like an instructor would say them", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(42)).toBe("42 s");
    expect(formatDuration(300)).toBe("5 min");
    expect(formatDuration(3 * 3600 + 20 * 60)).toBe("3 h 20 min");
    expect(formatDuration(7200)).toBe("2 h");
    expect(formatDuration(2 * 86400 + 4 * 3600)).toBe("2 d 4 h");
  });
});

describe("completion distribution", () => {
  it("buckets on the exact fraction: 100% only when everything is done", () => {
    const d = completionDistribution([
      { done: 0, total: 42 },
      { done: 1, total: 42 },
      { done: 41, total: 42 },
      { done: 42, total: 42 },
      { done: 21, total: 42 },
      { done: 0, total: 0 },
    ]);
    expect(d).toEqual([
      { label: "0%", count: 2 },
      { label: "1–19%", count: 1 },
      { label: "20–39%", count: 0 },
      { label: "40–59%", count: 1 },
      { label: "60–79%", count: 0 },
      { label: "80–99%", count: 1 },
      { label: "100%", count: 1 },
    ]);
  });
});
