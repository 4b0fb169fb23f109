import { describe, expect, it } from "@jest/globals";
import { gradeQuiz } from "./grade";
import { analyseItems, creditsFromResults, discriminationIndex, facility, pearson } from "./item-analysis";
import { sampleQuiz } from "../../tests/support/sample-quiz";

/*
 * Hand-computed example: five attempts, four questions (q4 everyone gets right).
 *
 *   attempt  q1 q2 q3 q4  total
 *   A         1  1  1  1    4
 *   B         1  1  0  1    3
 *   C         1  0  1  1    3
 *   D         0  0  1  1    2
 *   E         0  0  0  1    1
 *
 * q1: x = [1,1,1,0,0], mean 0.6. rest = total - x = [3,2,2,2,1], mean 2.
 *     dx = [.4,.4,.4,-.6,-.6], dy = [1,0,0,0,-1]
 *     Sxy = .4 + .6 = 1.0; Sxx = 3(.16) + 2(.36) = 1.2; Syy = 1 + 1 = 2
 *     r = 1.0 / sqrt(1.2 * 2) = 1 / sqrt(2.4) = 0.645497...
 * q2: x = [1,1,0,0,0], mean 0.4. rest = [3,2,3,2,1], mean 2.2.
 *     dx = [.6,.6,-.4,-.4,-.4], dy = [.8,-.2,.8,-.2,-1.2]
 *     Sxy = .48 - .12 - .32 + .08 + .48 = 0.6; Sxx = 2(.36) + 3(.16) = 1.2
 *     Syy = .64 + .04 + .64 + .04 + 1.44 = 2.8
 *     r = 0.6 / sqrt(1.2 * 2.8) = 0.6 / sqrt(3.36) = 0.327326...
 * q3: x = [1,0,1,1,0], mean 0.6. rest = [3,3,2,1,1], mean 2.
 *     dx = [.4,-.6,.4,.4,-.6], dy = [1,1,0,-1,-1]
 *     Sxy = .4 - .6 + 0 - .4 + .6 = 0  ->  r = 0 (weak: flagged)
 *     (Correlating with the TOTAL instead would give a positive value: the item would
 *     be counted on both sides. That is the mistake the rest-of-test score avoids.)
 * q4: x = [1,1,1,1,1]: zero variance, correlation undefined -> null, not NaN.
 */
const attempts = [
  { q1: 1, q2: 1, q3: 1, q4: 1 },
  { q1: 1, q2: 1, q3: 0, q4: 1 },
  { q1: 1, q2: 0, q3: 1, q4: 1 },
  { q1: 0, q2: 0, q3: 1, q4: 1 },
  { q1: 0, q2: 0, q3: 0, q4: 1 },
];

describe("analyseItems on a hand-computed example", () => {
  const stats = analyseItems(["q1", "q2", "q3", "q4"], attempts);
  const of = (id: string) => stats.find((s) => s.questionId === id)!;

  it("computes facility as the share correct", () => {
    expect(stats.map((s) => s.facility)).toEqual([0.6, 0.4, 0.6, 1]);
    expect(stats.every((s) => s.attempts === 5)).toBe(true);
  });

  it("computes discrimination against the rest-of-test score", () => {
    expect(of("q1").discrimination).toBeCloseTo(1 / Math.sqrt(2.4), 10);
    expect(of("q2").discrimination).toBeCloseTo(0.6 / Math.sqrt(3.36), 10);
    expect(of("q3").discrimination).toBeCloseTo(0, 10);
  });

  it("flags discrimination below 0.2 and only that", () => {
    expect(stats.map((s) => s.lowDiscrimination)).toEqual([false, false, true, false]);
    expect(analyseItems(["q1", "q2", "q3", "q4"], attempts, { threshold: 0.5 }).map((s) => s.lowDiscrimination)).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it("reports a zero-variance item as null with a reason, never NaN", () => {
    expect(of("q4").discrimination).toBeNull();
    expect(of("q4").lowDiscrimination).toBe(false);
    expect(of("q4").note).toMatch(/every attempt got this question right/);
    expect(JSON.stringify(stats)).not.toMatch(/NaN|null,"lowDiscrimination":true/);
  });
});

describe("analyseItems edge cases", () => {
  it("handles no attempts and a single attempt", () => {
    expect(analyseItems(["q1"], [])).toEqual([
      { questionId: "q1", attempts: 0, facility: null, discrimination: null, lowDiscrimination: false, note: "needs at least two attempts" },
    ]);
    expect(analyseItems(["q1", "q2"], [{ q1: 1, q2: 0 }])[0]).toMatchObject({ facility: 1, discrimination: null });
  });

  it("explains an item nobody got right", () => {
    const [q1] = analyseItems(["q1", "q2"], [
      { q1: 0, q2: 1 },
      { q1: 0, q2: 0 },
    ]);
    expect(q1).toMatchObject({ facility: 0, discrimination: null, note: expect.stringMatching(/check the answer key/) });
  });

  it("returns null when the rest of the quiz does not vary (e.g. a one-question quiz)", () => {
    const [q1] = analyseItems(["q1"], [{ q1: 1 }, { q1: 0 }, { q1: 1 }]);
    expect(q1.discrimination).toBeNull();
    expect(q1.note).toMatch(/rest of the quiz scored the same/);
  });

  it("counts a question missing from an attempt as 0 and uses partial credit", () => {
    const stats = analyseItems(["q1", "q2"], [{ q1: 0.5, q2: 1 }, { q2: 0 }, { q1: 1, q2: 1 }]);
    expect(stats[0].facility).toBeCloseTo(0.5, 10);
    // rest for q1 = q2 = [1, 0, 1]; x = [.5, 0, 1]: dx = [0,-.5,.5], dy = [1/3,-2/3,1/3]
    // Sxy = 0 + 1/3 + 1/6 = 0.5; Sxx = 0.5; Syy = 2/3 -> r = 0.5 / sqrt(1/3) = 0.866...
    expect(stats[0].discrimination).toBeCloseTo(0.5 / Math.sqrt(1 / 3), 10);
  });

  it("gives a negative index for an item the stronger learners get wrong (likely a wrong key)", () => {
    const stats = analyseItems(["good1", "good2", "bad"], [
      { good1: 1, good2: 1, bad: 0 },
      { good1: 1, good2: 0, bad: 0 },
      { good1: 0, good2: 0, bad: 1 },
    ]);
    expect(stats[2].discrimination).toBeLessThan(0);
    expect(stats[2].lowDiscrimination).toBe(true);
  });
});

describe("building blocks", () => {
  it("pearson is exact on a perfect line and null without variance", () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(() => pearson([1], [1, 2])).toThrow(RangeError);
  });

  it("discriminationIndex subtracts the item from the total", () => {
    // total = item + rest with rest = [3,3,2,1,1] (q3 above): r = 0 exactly.
    expect(discriminationIndex([1, 0, 1, 1, 0], [4, 3, 3, 2, 1])).toBeCloseTo(0, 12);
    expect(facility([1, 0, 1, 1])).toBe(0.75);
  });

  it("creditsFromResults turns graded results into an attempt record", () => {
    const graded = gradeQuiz(sampleQuiz(), { s1: "enc", m1: ["vit"] });
    const record = creditsFromResults(graded.results);
    expect(record).toMatchObject({ s1: 1, m1: 0.5, tf1: 0, o1: 0 });
    expect(Object.keys(record)).toHaveLength(7);
  });
});
