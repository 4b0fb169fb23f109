import { describe, expect, it } from "@jest/globals";
import { QuizAnswerError, gradeQuiz, kendallTau, type QuestionResult } from "./grade";
import { toPublicQuiz } from "./public";
import { sampleQuiz } from "../../tests/support/sample-quiz";
import { thrownBy } from "../../tests/support/thrown";

const quiz = sampleQuiz();
const perfect = {
  s1: "enc",
  m1: ["intern", "vit"],
  tf1: false,
  o1: ["pre", "sft", "rm", "rl"],
  mt1: { t5: "encdec", bert: "enc", gpt: "dec" },
  n1: 8,
  t1: "Softmax",
};

function resultFor(answers: Record<string, unknown>, questionId: string): QuestionResult {
  return gradeQuiz(quiz, answers).results.find((r) => r.questionId === questionId)!;
}
const credit = (questionId: string, answer: unknown) => resultFor({ [questionId]: answer }, questionId).credit;

const gradeError = (answers: unknown): QuizAnswerError => thrownBy(QuizAnswerError, () => gradeQuiz(quiz, answers));

describe("gradeQuiz totals", () => {
  it("gives full marks for a perfect attempt", () => {
    const result = gradeQuiz(quiz, perfect);
    expect(result).toMatchObject({ quizId: "sample-quiz", score: 7, maxScore: 7, percent: 100, passPercent: 60, passed: true });
    expect(result.results.map((r) => [r.questionId, r.correct, r.credit])).toEqual([
      ["s1", true, 1],
      ["m1", true, 1],
      ["tf1", true, 1],
      ["o1", true, 1],
      ["mt1", true, 1],
      ["n1", true, 1],
      ["t1", true, 1],
    ]);
  });

  it("counts unanswered questions (absent or null) as wrong", () => {
    const result = gradeQuiz(quiz, { s1: "enc", tf1: null });
    expect(result).toMatchObject({ score: 1, maxScore: 7, percent: 14.3, passed: false });
    const tf1 = result.results.find((r) => r.questionId === "tf1")!;
    expect(tf1).toMatchObject({ correct: false, credit: 0, given: null, givenText: "No answer", correctAnswerText: "False" });
    expect(gradeQuiz(quiz, {}).score).toBe(0);
  });

  it("adds partial credit and applies the pass mark", () => {
    // 5 right + ordering with one adjacent swap (4/6) + matching 2 of 3 (2/3) = 6.33 of 7.
    const result = gradeQuiz(quiz, { ...perfect, o1: ["pre", "rm", "sft", "rl"], mt1: { bert: "enc", gpt: "dec", t5: "dec" } });
    expect(result.score).toBe(6.33);
    expect(result.percent).toBe(90.5);
    expect(result.passed).toBe(true);
    const failing = gradeQuiz(quiz, { s1: "enc", m1: ["vit", "intern"], tf1: false, n1: 7 });
    expect(failing).toMatchObject({ score: 3, percent: 42.9, passed: false });
  });

  it("returns each question's explanation and lesson section", () => {
    const r = resultFor(perfect, "n1");
    expect(r.explanation).toBe("√64 = 8.");
    expect(r.section).toBe("/learn/transformer/self-attention#scaling");
  });
});

describe("gradeQuiz per question type", () => {
  it("single choice: by option id, with every option's feedback", () => {
    expect(credit("s1", "enc")).toBe(1);
    expect(credit("s1", "dec")).toBe(0);
    const r = resultFor({ s1: "dec" }, "s1");
    expect(r).toMatchObject({ type: "single", given: "dec", correctAnswer: "enc", givenText: "Decoder-only", correctAnswerText: "Encoder-only" });
    if (r.type !== "single") throw new Error("type");
    expect(r.optionFeedback.dec).toBe("That is GPT: it predicts the next token left to right.");
  });

  it("multiple choice: all or a share, never rewarding ticking everything", () => {
    expect(credit("m1", ["vit", "intern"])).toBe(1);
    expect(credit("m1", ["vit"])).toBe(0.5);
    expect(credit("m1", ["vit", "intern", "ernie"])).toBe(0.5); // one wrong tick cancels one right one
    expect(credit("m1", ["vit", "intern", "ernie", "chatgpt"])).toBe(0);
    expect(credit("m1", ["chatgpt"])).toBe(0);
    expect(credit("m1", [])).toBe(0);
    const r = resultFor({ m1: ["vit"] }, "m1");
    expect(r.correct).toBe(false);
    expect(r.givenText).toBe("ViT");
    expect(r.correctAnswerText).toBe("ViT; INTERN");
  });

  it("true-false", () => {
    expect(credit("tf1", false)).toBe(1);
    expect(credit("tf1", true)).toBe(0);
  });

  it("ordering: full credit only for the exact order, Kendall's tau floored at 0 otherwise", () => {
    expect(credit("o1", ["pre", "sft", "rm", "rl"])).toBe(1);
    expect(credit("o1", ["sft", "pre", "rm", "rl"])).toBeCloseTo(4 / 6, 10); // one adjacent swap
    expect(credit("o1", ["rl", "rm", "sft", "pre"])).toBe(0); // reversed
    expect(credit("o1", ["rm", "rl", "pre", "sft"])).toBe(0); // tau = -1/3, floored
    const r = resultFor({ o1: ["sft", "pre", "rm", "rl"] }, "o1");
    expect(r.correct).toBe(false);
    expect(r.givenText).toBe("Supervised fine-tuning → Pre-training → Reward model → RL with PPO");
    expect(r.correctAnswerText).toBe("Pre-training → Supervised fine-tuning → Reward model → RL with PPO");
  });

  it("matching: the share of left items matched correctly; a right option may be reused", () => {
    expect(credit("mt1", { bert: "enc", gpt: "dec", t5: "encdec" })).toBe(1);
    expect(credit("mt1", { bert: "enc", gpt: "enc", t5: "enc" })).toBeCloseTo(1 / 3, 10);
    expect(credit("mt1", { gpt: "dec" })).toBeCloseTo(1 / 3, 10); // the others unanswered
    expect(credit("mt1", { bert: "none", gpt: "none", t5: "none" })).toBe(0);
    const r = resultFor({ mt1: {} }, "mt1");
    expect(r).toMatchObject({ given: null, givenText: "No answer", correctAnswerText: "BERT → Encoder-only; GPT → Decoder-only; T5 → Encoder-decoder" });
  });

  it("numeric: within the tolerance, including its edge, and free of float noise", () => {
    expect(credit("n1", 8)).toBe(1);
    expect(credit("n1", 8.0000001)).toBe(0);
    expect(credit("n1", 64)).toBe(0);
    const tolerant = sampleQuiz();
    const n1 = tolerant.questions.find((q) => q.id === "n1")!;
    if (n1.type !== "numeric") throw new Error("type");
    n1.answer = 0.3;
    n1.tolerance = 0.05;
    n1.unit = "s";
    const grade = (x: number) => gradeQuiz(tolerant, { n1: x }).results[5];
    expect(grade(0.1 + 0.2).credit).toBe(1);
    expect(grade(0.35).credit).toBe(1);
    expect(grade(0.25).credit).toBe(1);
    expect(grade(0.36).credit).toBe(0);
    expect(grade(0.2).correctAnswerText).toBe("0.3 s (± 0.05)");
    expect(grade(0.2).givenText).toBe("0.2 s");
  });

  it("text: case, spacing, hyphens and surrounding punctuation do not matter; spelling does", () => {
    expect(credit("t1", "softmax")).toBe(1);
    expect(credit("t1", "  SoftMax. ")).toBe(1);
    expect(credit("t1", "soft-max")).toBe(1); // matches the accepted "soft max"
    expect(credit("t1", "sigmoid")).toBe(0);
    expect(credit("t1", "softmaxx")).toBe(0);
    expect(resultFor({ t1: "   " }, "t1")).toMatchObject({ given: null, credit: 0, correctAnswerText: "softmax" });
  });
});

describe("gradeQuiz grades by id, not position", () => {
  it("scores a perfect attempt on every shuffled arrangement, answering by what the learner sees", () => {
    for (const seed of [0, 1, 2, 3, 4, 5, 77, 1000]) {
      const pub = toPublicQuiz(quiz, { seed });
      // Answer from the public (shuffled) quiz by reading texts, the way a learner does.
      const byText = (options: { id: string; text: string }[], text: string) => options.find((o) => o.text === text)!.id;
      const answers: Record<string, unknown> = {};
      for (const q of pub.questions) {
        if (q.type === "single") answers[q.id] = byText(q.options, "Encoder-only");
        if (q.type === "multiple") answers[q.id] = [byText(q.options, "INTERN"), byText(q.options, "ViT")];
        if (q.type === "ordering")
          answers[q.id] = ["Pre-training", "Supervised fine-tuning", "Reward model", "RL with PPO"].map((t) => byText(q.items, t));
        if (q.type === "matching")
          answers[q.id] = {
            [byText(q.left, "BERT")]: byText(q.right, "Encoder-only"),
            [byText(q.left, "GPT")]: byText(q.right, "Decoder-only"),
            [byText(q.left, "T5")]: byText(q.right, "Encoder-decoder"),
          };
      }
      Object.assign(answers, { tf1: false, n1: 8, t1: "softmax" });
      expect(gradeQuiz(quiz, answers).score).toBe(7);
    }
  });

  it("does not give credit for answering the position the correct option had in the file", () => {
    // "enc" is first in the file; a learner who always picks the first displayed option
    // gets credit only on the seeds where the shuffle put "enc" first.
    let credited = 0;
    for (let seed = 0; seed < 30; seed++) {
      const first = toPublicQuiz(quiz, { seed }).questions[0];
      if (first.type !== "single") throw new Error("type");
      const got = gradeQuiz(quiz, { s1: first.options[0].id }).results[0].credit;
      expect(got).toBe(first.options[0].id === "enc" ? 1 : 0);
      credited += got;
    }
    expect(credited).toBeGreaterThan(0);
    expect(credited).toBeLessThan(30);
  });
});

describe("gradeQuiz rejects malformed answers with a message a person understands", () => {
  const cases: [string, unknown, QuizAnswerError["code"], string][] = [
    ["answers that are not an object", ["enc"], "invalid-answers", "answers must be an object mapping question ids to answers"],
    ["answers that are null", null, "invalid-answers", "answers must be an object mapping question ids to answers"],
    ["an unknown question id", { s1: "enc", q99: "a" }, "unknown-question", 'quiz "sample-quiz" has no question "q99"'],
    ["a single answer given as a list", { s1: ["enc"] }, "invalid-answer", "question s1: the answer must be the id of one option"],
    ["an option the question does not have", { s1: "rnn" }, "unknown-option", 'question s1 has no option "rnn"'],
    ["a multiple answer given as one id", { m1: "vit" }, "invalid-answer", "question m1: the answer must be a list of option ids"],
    ["a multiple answer repeating an option", { m1: ["vit", "vit"] }, "invalid-answer", 'question m1: option "vit" is given twice'],
    ["a true-false answer given as text", { tf1: "false" }, "invalid-answer", "question tf1: the answer must be true or false"],
    ["an ordering that leaves an item out", { o1: ["pre", "sft", "rm"] }, "invalid-answer", "question o1: put all 4 items in order (got 3)"],
    ["an ordering naming an unknown item", { o1: ["pre", "sft", "rm", "deploy"] }, "unknown-option", 'question o1 has no item "deploy"'],
    ["an ordering repeating an item", { o1: ["pre", "pre", "rm", "rl"] }, "invalid-answer", 'question o1: item "pre" is given twice'],
    ["a matching answer for an unknown left item", { mt1: { lstm: "dec" } }, "unknown-option", 'question mt1 has no left item "lstm"'],
    ["a matching answer with an unknown right option", { mt1: { bert: "rnn" } }, "unknown-option", 'question mt1 has no right option "rnn"'],
    ["a matching answer given as a list", { mt1: ["enc", "dec", "encdec"] }, "invalid-answer", "question mt1: the answer must be an object mapping each left item id to a right option id"],
    ["a numeric answer given as text", { n1: "8" }, "invalid-answer", "question n1: the answer must be a finite number"],
    ["a text answer given as a number", { t1: 8 }, "invalid-answer", "question t1: the answer must be text of at most 500 characters"],
    ["an overlong text answer", { t1: "x".repeat(501) }, "invalid-answer", "question t1: the answer must be text of at most 500 characters"],
  ];

  it.each(cases)("%s", (_name, answers, code, message) => {
    const error = gradeError(answers);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });

  it("names the question in the error", () => {
    expect(gradeError({ o1: ["pre"] }).questionId).toBe("o1");
  });

  it("treats a JSON __proto__ key as an unknown question, not as the prototype", () => {
    expect(gradeError(JSON.parse('{"__proto__": {"s1": "enc"}}')).code).toBe("unknown-question");
  });
});

describe("kendallTau", () => {
  it("is 1 for the same order, -1 reversed, and counts discordant pairs", () => {
    expect(kendallTau(["a", "b", "c"], ["a", "b", "c"])).toBe(1);
    expect(kendallTau(["c", "b", "a"], ["a", "b", "c"])).toBe(-1);
    expect(kendallTau(["b", "a", "c"], ["a", "b", "c"])).toBeCloseTo(1 / 3, 10); // 2 concordant, 1 discordant
  });
});
