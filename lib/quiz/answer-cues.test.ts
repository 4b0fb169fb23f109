import { describe, expect, it } from "@jest/globals";
import { answerCues, isHedged, poissonBinomialTail } from "./answer-cues";
import type { Quiz } from "./schema";

function quiz(keys: string[], others = ["Wrong one", "Wrong two", "Wrong six"]): Quiz {
  return {
    id: "q",
    title: "Q",
    chapter: "c",
    lesson: "l",
    questions: keys.map((key, i) => ({
      id: `q${i}`,
      type: "single" as const,
      prompt: "?",
      explanation: ".",
      section: "/learn/c/l",
      options: [{ id: "k", text: key, correct: true }, ...others.map((text, j) => ({ id: `o${j}`, text }))],
    })),
  };
}

describe("answer cues", () => {
  it("computes the Poisson-binomial tail exactly", () => {
    expect(poissonBinomialTail([0.25, 0.25, 0.25, 0.25], 3)).toBeCloseTo(13 / 256, 12);
    expect(poissonBinomialTail([0.5, 0.5], 0)).toBe(1);
    expect(poissonBinomialTail([0.5, 0.25], 2)).toBeCloseTo(0.125, 12);
  });

  it("counts a key that is strictly the longest, and not one that ties", () => {
    const report = answerCues(quiz(["The much longer right answer", "Wrong two"]));
    expect(report.longest.hits).toEqual(["q0"]);
    expect(report.longest.chances).toEqual([0.25, 0.25]);
  });

  it("flags 4 of 4 longest keys (p = 1/256) but not 3 of 4 (p = 0.051)", () => {
    const long = "A much longer right answer";
    expect(answerCues(quiz([long, long, long, long])).leaks).toBe(true);
    expect(answerCues(quiz([long, long, long, "Short"])).leaks).toBe(false);
  });

  it("recognises hedge words, whole words only", () => {
    expect(isHedged("It can be computed")).toBe(true);
    expect(isHedged("Usually the first")).toBe(true);
    expect(isHedged("A cannon fires")).toBe(false);
    expect(isHedged("Exactly one token")).toBe(false);
  });
});
