import { describe, expect, it } from "@jest/globals";
import { normalizeTextAnswer, validateQuiz, type QuizContext } from "./schema";
import { sampleQuiz } from "../../tests/support/sample-quiz";

/** The sample quiz as loose JSON: tests break it in ways the Quiz type forbids. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- deliberately malformed data
type LooseJson = any;

/** A deep copy of the sample quiz as loose JSON, changed by `edit`. */
function mutated(edit: (quiz: LooseJson) => void): unknown {
  const quiz = structuredClone(sampleQuiz()) as LooseJson;
  edit(quiz);
  return quiz;
}
const question = (quiz: LooseJson, id: string) => quiz.questions.find((q: LooseJson) => q.id === id);

function errorsOf(json: unknown, context?: QuizContext): string[] {
  const result = validateQuiz(json, context);
  if (result.ok) throw new Error("expected the quiz to be rejected, but it validated");
  return result.errors;
}

describe("validateQuiz accepts", () => {
  it("a well-formed quiz with every question type, returning the parsed quiz", () => {
    const result = validateQuiz(sampleQuiz());
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.quiz?.questions.map((q) => q.type)).toEqual([
      "single",
      "multiple",
      "true-false",
      "ordering",
      "matching",
      "numeric",
      "text",
    ]);
  });

  it("a matching question whose right option is used several times or not at all", () => {
    const json = mutated((q) => {
      question(q, "mt1").pairs = { bert: "dec", gpt: "dec", t5: "dec" };
    });
    expect(validateQuiz(json).ok).toBe(true);
  });
});

describe("validateQuiz rejects, with a readable message,", () => {
  const cases: [string, (quiz: LooseJson) => void, string][] = [
    [
      "a single-choice question with two correct options",
      (q) => (question(q, "s1").options[1].correct = true),
      "question s1: single choice needs exactly one correct option, found 2",
    ],
    [
      "a single-choice question with no correct option",
      (q) => (question(q, "s1").options[0].correct = false),
      "question s1: single choice needs exactly one correct option, found 0",
    ],
    [
      "a multiple-choice question with no correct option",
      (q) => question(q, "m1").options.forEach((o: LooseJson) => delete o.correct),
      "question m1: multiple choice needs at least one correct option, found 0",
    ],
    [
      "a choice question with only two options",
      (q) => question(q, "s1").options.splice(2, 1),
      "question s1: a choice question needs at least 3 options, found 2",
    ],
    [
      "repeated option ids",
      (q) => (question(q, "m1").options[3].id = "vit"),
      'question m1: option ids must be unique, repeated: "vit"',
    ],
    [
      "repeated question ids",
      (q) => (question(q, "m1").id = "s1"),
      'quiz: question ids must be unique in the quiz, repeated: "s1"',
    ],
    [
      "a misspelt field (which would otherwise silently mean 'not correct')",
      (q) => {
        const o = question(q, "s1").options[1];
        o.corect = true;
      },
      'question s1: options[1]: unknown field "corect" (a typo?)',
    ],
    ["an unknown question type", (q) => (question(q, "s1").type = "essay"), "question s1: type must be one of single, multiple, true-false, ordering, matching, numeric, text"],
    ["a question without an explanation", (q) => delete question(q, "tf1").explanation, "question tf1: explanation: is missing"],
    ["a blank prompt", (q) => (question(q, "tf1").prompt = "   "), "question tf1: prompt must not be empty"],
    [
      "a section that is not a lesson link",
      (q) => (question(q, "tf1").section = "https://example.com/agi"),
      "question tf1: section must be a link such as /learn/<chapter>/<lesson>#<heading-anchor> (lower-case anchor)",
    ],
    [
      "a section anchor with capitals",
      (q) => (question(q, "tf1").section = "/learn/foundations/aigc-and-agi#AGI"),
      "question tf1: section must be a link such as /learn/<chapter>/<lesson>#<heading-anchor> (lower-case anchor)",
    ],
    ["a true-false answer given as text", (q) => (question(q, "tf1").answer = "false"), "question tf1: answer: must be a boolean, found a string"],
    ["an ordering question with two items", (q) => {
      const o = question(q, "o1");
      o.items = o.items.slice(0, 2);
      o.correctOrder = ["rl", "pre"];
    }, "question o1: ordering needs at least 3 items, found 2"],
    ["a correct order that leaves an item out", (q) => question(q, "o1").correctOrder.pop(), 'question o1: correctOrder must list every item exactly once, missing: "rl"'],
    ["a correct order naming an unknown item", (q) => (question(q, "o1").correctOrder[3] = "deploy"), 'question o1: correctOrder names unknown items: "deploy"'],
    ["a correct order repeating an item", (q) => (question(q, "o1").correctOrder[3] = "pre"), 'question o1: correctOrder repeats items: "pre"'],
    ["a matching question with a left item left unpaired", (q) => delete question(q, "mt1").pairs.t5, 'question mt1: pairs must give a right option for every left item, missing: "t5"'],
    ["a matching pair to an unknown right option", (q) => (question(q, "mt1").pairs.t5 = "rnn"), 'question mt1: pairs maps "t5" to an unknown right option "rnn"'],
    ["a matching pair from an unknown left item", (q) => (question(q, "mt1").pairs.lstm = "dec"), 'question mt1: pairs names an unknown left item "lstm"'],
    ["a numeric answer given as text", (q) => (question(q, "n1").answer = "8"), "question n1: answer: must be a number, found a string"],
    ["a negative tolerance", (q) => (question(q, "n1").tolerance = -1), "question n1: tolerance must be 0 or more"],
    ["a text question with no accepted answer", (q) => (question(q, "t1").accepted = []), "question t1: text needs at least one accepted answer"],
    [
      "accepted answers that are the same after normalisation",
      (q) => (question(q, "t1").accepted = ["Softmax", " softmax. "]),
      'question t1: accepted answers repeat after normalisation: "softmax"',
    ],
    [
      "math that the quiz component would not render",
      (q) => (question(q, "n1").prompt = "What is $\\sqrt{64}$?"),
      "question n1: prompt uses $...$ math, which quizzes do not render: write √, ×, ² or a `code` span instead",
    ],
    ["a quiz id that is not a slug", (q) => (q.id = "Foundations Quiz"), "quiz: id must be a slug (lower-case letters, digits and single hyphens)"],
    ["a pass mark above 100", (q) => (q.passPercent = 120), "quiz: passPercent must be from 0 to 100"],
    ["a quiz with no questions", (q) => (q.questions = []), "quiz: questions: a quiz needs at least one question"],
  ];

  it.each(cases)("%s", (_name, edit, message) => {
    expect(errorsOf(mutated(edit))).toContain(message);
  });

  it("a question without an id, naming it by position", () => {
    expect(errorsOf(mutated((q) => delete q.questions[2].id))).toContain("question #3: id: is missing");
  });

  it("input that is not a quiz object at all", () => {
    expect(errorsOf(null)).toEqual(["quiz: must be an object, found null"]);
    expect(errorsOf([])).toEqual(["quiz: must be an object, found an array"]);
  });

  it("reporting every problem at once, not just the first", () => {
    const errors = errorsOf(
      mutated((q) => {
        question(q, "s1").options[1].correct = true;
        question(q, "n1").tolerance = -1;
        delete question(q, "tf1").explanation;
      }),
    );
    expect(errors).toHaveLength(3);
  });
});

describe("validateQuiz with the course's lessons", () => {
  const context: QuizContext = {
    lessons: [
      { chapter: "foundations", slug: "aigc-and-agi", anchors: ["agi"] },
      { chapter: "taxonomy", slug: "language-and-vision-models", anchors: [] },
      { chapter: "transformer", slug: "self-attention", anchors: ["scaling"] },
      { chapter: "transformer", slug: "from-logits-to-tokens", anchors: [] },
      { chapter: "transformer", slug: "three-families", anchors: ["encoder-only"] },
      { chapter: "training", slug: "rlhf", anchors: [] },
    ],
  };

  it("accepts sections that point at existing lessons and headings", () => {
    expect(validateQuiz(sampleQuiz(), context)).toMatchObject({ ok: true });
  });

  it("rejects a section whose heading anchor does not exist", () => {
    const json = mutated((q) => (question(q, "n1").section = "/learn/transformer/self-attention#scaled"));
    expect(errorsOf(json, context)).toEqual([
      'question n1: section /learn/transformer/self-attention#scaled: the lesson has no heading with anchor "#scaled"',
    ]);
  });

  it("rejects a section pointing at a lesson that does not exist", () => {
    const json = mutated((q) => (question(q, "t1").section = "/learn/transformer/logits"));
    expect(errorsOf(json, context)).toEqual(["question t1: section /learn/transformer/logits points to a lesson that does not exist"]);
  });

  it("rejects a quiz placed in a lesson of another chapter, or in an unknown chapter", () => {
    expect(errorsOf(mutated((q) => (q.lesson = "rlhf")), context)).toEqual(['quiz: lesson "rlhf" is not a lesson of chapter "transformer"']);
    expect(errorsOf(mutated((q) => (q.chapter = "vision")), context)).toEqual(['quiz: chapter "vision" does not exist']);
  });
});

describe("normalizeTextAnswer", () => {
  it("ignores case, surrounding space and punctuation, repeated spaces and hyphens", () => {
    expect(normalizeTextAnswer("  Self-Attention. ")).toBe("self attention");
    expect(normalizeTextAnswer("self   attention")).toBe("self attention");
    expect(normalizeTextAnswer('"Softmax"')).toBe("softmax");
    expect(normalizeTextAnswer("ＳＯＦＴＭＡＸ")).toBe("softmax"); // full-width letters (NFKC)
  });

  it("keeps the letters that make answers different", () => {
    expect(normalizeTextAnswer("softmax")).not.toBe(normalizeTextAnswer("soft max"));
    expect(normalizeTextAnswer("encoder")).not.toBe(normalizeTextAnswer("decoder"));
  });
});
