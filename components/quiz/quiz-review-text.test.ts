import { describe, expect, it } from "@jest/globals";
import { gradeQuiz } from "@/lib/quiz/grade";
import { toPublicQuiz, type PublicQuiz } from "@/lib/quiz/public";
import { formatScore } from "@/lib/quiz/score";
import { sampleQuiz } from "@/tests/support/sample-quiz";
import { readableAnswer, verdict } from "./quiz-review-text";

const pub: PublicQuiz = toPublicQuiz(sampleQuiz(), { seed: 3 });
const question = (id: string) => pub.questions.find((q) => q.id === id)!;

describe("showing results", () => {
  const result = gradeQuiz(sampleQuiz(), {
    s1: "dec",
    m1: ["vit"],
    o1: ["pre", "rm", "sft", "rl"],
    mt1: { bert: "enc" },
    n1: 8,
    t1: "soft max",
  });
  const r = (id: string) => result.results.find((x) => x.questionId === id)!;

  it("formats scores and verdicts", () => {
    expect(formatScore({ score: 7, maxScore: 10 })).toBe("7 / 10");
    expect(formatScore({ score: 6.333333, maxScore: 7 })).toBe("6.33 / 7");
    expect(verdict(r("n1"))).toBe("Correct");
    expect(verdict(r("s1"))).toBe("Incorrect");
    expect(verdict(r("m1"))).toBe("Partly correct (0.5 of 1 point)");
    expect(verdict(r("o1"))).toBe("Partly correct (0.67 of 1 point)");
  });

  it("turns ids back into the texts the learner saw", () => {
    expect(readableAnswer(question("s1"), r("s1"), "given")).toEqual({ lines: ["Decoder-only"], ordered: false });
    expect(readableAnswer(question("s1"), r("s1"), "correct")).toEqual({ lines: ["Encoder-only"], ordered: false });
    expect(readableAnswer(question("o1"), r("o1"), "correct")).toEqual({
      lines: ["Pre-training", "Supervised fine-tuning", "Reward model", "RL with PPO"],
      ordered: true,
    });
    const matched = readableAnswer(question("mt1"), r("mt1"), "given")!;
    expect(matched.lines).toContain("BERT → Encoder-only");
    expect(matched.lines).toContain("GPT → (no answer)");
    expect(readableAnswer(question("tf1"), r("tf1"), "given")).toBeNull();
    expect(readableAnswer(question("tf1"), r("tf1"), "correct")).toEqual({ lines: ["False"], ordered: false });
    expect(readableAnswer(question("t1"), r("t1"), "correct")).toEqual({ lines: ["softmax (also accepted: soft max)"], ordered: false });
    expect(readableAnswer(question("n1"), r("n1"), "correct")).toEqual({ lines: ["8"], ordered: false });
  });
});
