import { describe, expect, it } from "@jest/globals";
import { gradeQuiz } from "@/lib/quiz/grade";
import { toPublicQuiz, type PublicQuiz } from "@/lib/quiz/public";
import { sampleQuiz } from "@/tests/support/sample-quiz";
import { buildAnswers, draftReducer, initialDraft, isAnswered, moveAnnouncement, moveItem, parseNumber, type DraftAction } from "./quiz-draft";

const pub: PublicQuiz = toPublicQuiz(sampleQuiz(), { seed: 3 });
const question = (id: string) => pub.questions.find((q) => q.id === id)!;
const apply = (...actions: DraftAction[]) => actions.reduce(draftReducer, initialDraft(pub));
const displayedOrder = () => {
  const q = question("o1");
  if (q.type !== "ordering") throw new Error("type");
  return q.items.map((i) => i.id);
};

describe("draft answers", () => {
  it("starts empty, with ordering questions in their displayed order and untouched", () => {
    const d = initialDraft(pub);
    expect(d.ordering.o1).toEqual(displayedOrder());
    expect(pub.questions.filter((q) => isAnswered(q, d))).toEqual([]);
  });

  it("records each kind of answer", () => {
    const d = apply(
      { type: "choose", questionId: "s1", optionId: "dec" },
      { type: "choose", questionId: "s1", optionId: "enc" },
      { type: "toggle", questionId: "m1", optionId: "vit", checked: true },
      { type: "toggle", questionId: "m1", optionId: "ernie", checked: true },
      { type: "toggle", questionId: "m1", optionId: "ernie", checked: false },
      { type: "true-false", questionId: "tf1", value: false },
      { type: "match", questionId: "mt1", leftId: "bert", rightId: "enc" },
      { type: "match", questionId: "mt1", leftId: "gpt", rightId: "enc" },
      { type: "match", questionId: "mt1", leftId: "gpt", rightId: "" },
      { type: "numeric", questionId: "n1", value: " 8 " },
      { type: "text", questionId: "t1", value: "softmax" },
    );
    expect(d.single.s1).toBe("enc");
    expect(d.multiple.m1).toEqual(["vit"]);
    expect(d.trueFalse.tf1).toBe(false);
    expect(d.matching.mt1).toEqual({ bert: "enc" });
    expect(pub.questions.filter((q) => isAnswered(q, d)).map((q) => q.id).sort()).toEqual(["m1", "mt1", "n1", "s1", "t1", "tf1"]);
  });

  it("counts an ordering question as answered only after the learner moves an item", () => {
    const first = displayedOrder()[0];
    const blocked = apply({ type: "move", questionId: "o1", itemId: first, direction: "up" });
    expect(isAnswered(question("o1"), blocked)).toBe(false); // the top item cannot move up
    const moved = apply({ type: "move", questionId: "o1", itemId: first, direction: "down" });
    expect(isAnswered(question("o1"), moved)).toBe(true);
    expect(moved.ordering.o1.slice(0, 2)).toEqual([displayedOrder()[1], first]);
  });

  it("reset clears every answer for a retake with a new arrangement", () => {
    const retake = toPublicQuiz(sampleQuiz(), { seed: 4 });
    const d = draftReducer(apply({ type: "choose", questionId: "s1", optionId: "enc" }), { type: "reset", quiz: retake });
    expect(d).toEqual(initialDraft(retake));
  });
});

describe("moving items", () => {
  it("swaps with the neighbour, and returns the same array at the ends", () => {
    const order = ["a", "b", "c"];
    expect(moveItem(order, "b", "up")).toEqual(["b", "a", "c"]);
    expect(moveItem(order, "b", "down")).toEqual(["a", "c", "b"]);
    expect(moveItem(order, "a", "up")).toBe(order);
    expect(moveItem(order, "c", "down")).toBe(order);
    expect(moveItem(order, "zzz", "down")).toBe(order);
  });

  it("announces the new position in words", () => {
    expect(moveAnnouncement("Pre-training", ["pre", "sft", "rm"], "pre")).toBe('"Pre-training" moved to position 1 of 3.');
  });
});

describe("parseNumber", () => {
  it.each([
    ["8", 8],
    [" 8 ", 8],
    ["-0.5", -0.5],
    ["−0.5", -0.5],
    [".5", 0.5],
    ["0,5", 0.5],
    ["1,000", 1000],
    ["1 000", 1000],
    ["2.5e3", 2500],
    ["+3", 3],
  ])("reads %p as %p", (raw, n) => expect(parseNumber(raw)).toBe(n));

  it.each(["", "eight", "8 GB", "1,2,3", "1.2.3", "0x10", "Infinity", "--1"])("rejects %p", (raw) => expect(parseNumber(raw)).toBeNull());
});

describe("buildAnswers: the request body's answers", () => {
  it("includes only answered questions, by id, in the shapes gradeQuiz accepts", () => {
    const first = displayedOrder()[0];
    const d = apply(
      { type: "choose", questionId: "s1", optionId: "enc" },
      { type: "toggle", questionId: "m1", optionId: "intern", checked: true },
      { type: "toggle", questionId: "m1", optionId: "vit", checked: true },
      { type: "move", questionId: "o1", itemId: first, direction: "down" },
      { type: "numeric", questionId: "n1", value: "8" },
      { type: "text", questionId: "t1", value: "  softmax " },
    );
    const built = buildAnswers(pub, d);
    if (!built.ok) throw new Error("expected valid answers");
    expect(Object.keys(built.answers).sort()).toEqual(["m1", "n1", "o1", "s1", "t1"]);
    expect(built.answers.n1).toBe(8);
    expect(built.answers.t1).toBe("softmax");
    expect(built.answers.o1).toEqual(d.ordering.o1);
    // Whatever the learner ticked first, the list follows the displayed order.
    const m1 = question("m1");
    if (m1.type !== "multiple") throw new Error("type");
    expect(built.answers.m1).toEqual(m1.options.map((o) => o.id).filter((id) => id === "vit" || id === "intern"));
    // The server accepts exactly this body and grades it.
    const graded = gradeQuiz(sampleQuiz(), built.answers);
    expect(graded.results.find((r) => r.questionId === "s1")?.correct).toBe(true);
    expect(graded.results.find((r) => r.questionId === "tf1")?.given).toBeNull();
  });

  it("refuses a numeric answer it cannot read, naming the question", () => {
    const d = apply({ type: "numeric", questionId: "n1", value: "eight" });
    expect(buildAnswers(pub, d)).toEqual({ ok: false, invalid: { n1: "Enter a number, such as 8 or 0.5." } });
  });

  it("sends an empty object when nothing is answered", () => {
    expect(buildAnswers(pub, initialDraft(pub))).toEqual({ ok: true, answers: {} });
  });
});
