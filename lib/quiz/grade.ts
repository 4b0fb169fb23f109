/**
 * Grades a submitted attempt against the full quiz (server side).
 *
 * Answers are matched by id, never by position, so the shuffled order a learner saw
 * does not matter. Every question is worth 1 point. Unanswered questions (absent or
 * `null`) score 0.
 *
 * Partial credit (a question is `correct` only with full credit):
 * - single, true-false, numeric, text: all or nothing.
 * - multiple: (correct options ticked - wrong options ticked) / number of correct
 *   options, floored at 0. Ticking every box therefore earns nothing when at least as
 *   many options are wrong as right: guessing broadly is not rewarded.
 * - ordering: Kendall's tau between the given and the correct order, floored at 0:
 *   (pairs in the right relative order - pairs in the wrong order) / all pairs. One
 *   adjacent swap in four items earns 4/6 ≈ 0.67; the reverse order, or a typical random
 *   order, earns (about) 0. Counting pairs, not fixed positions, means one item put in
 *   the wrong place costs a little rather than shifting everything to "wrong".
 * - matching: the share of left items matched to their correct right option.
 */
import { z } from "zod";
import { text } from "../validation/text";
import type { Question, QuestionOf, Quiz } from "./schema";
import { DEFAULT_PASS_PERCENT } from "./constants";
import { normalizeTextAnswer } from "./schema";

/** The answer a learner gives to one question (per type). */
export type SingleAnswer = string;
export type MultipleAnswer = string[];
export type TrueFalseAnswer = boolean;
export type OrderingAnswer = string[];
export type MatchingAnswer = Record<string, string>;
export type NumericAnswer = number;
export type TextAnswer = string;
export type Answer = SingleAnswer | MultipleAnswer | TrueFalseAnswer | OrderingAnswer | MatchingAnswer | NumericAnswer | TextAnswer;
/** question id -> answer; a question that is absent or `null` is unanswered. */
export type Answers = Record<string, Answer | null>;

interface ResultBase {
  questionId: string;
  /** Full credit. */
  correct: boolean;
  /** 0..1 (see the partial-credit rules at the top of this file). */
  credit: number;
  /** Written for learning; Markdown. */
  explanation: string;
  /** Link to the lesson section that teaches it. */
  section: string;
  /** The learner's answer in words, e.g. "Pre-training → SFT → ..." ("No answer" if none). */
  givenText: string;
  /** The correct answer in words. */
  correctAnswerText: string;
}

export type QuestionResult =
  | (ResultBase & {
      type: "single";
      given: string | null;
      correctAnswer: string;
      /** option id -> why that option is right or wrong (only options with feedback). */
      optionFeedback: Record<string, string>;
    })
  | (ResultBase & { type: "multiple"; given: string[] | null; correctAnswer: string[]; optionFeedback: Record<string, string> })
  | (ResultBase & { type: "true-false"; given: boolean | null; correctAnswer: boolean })
  | (ResultBase & { type: "ordering"; given: string[] | null; correctAnswer: string[] })
  | (ResultBase & { type: "matching"; given: Record<string, string> | null; correctAnswer: Record<string, string> })
  | (ResultBase & { type: "numeric"; given: number | null; correctAnswer: { value: number; tolerance: number; unit?: string } })
  /** correctAnswer: every accepted answer; the first is the one to show. */
  | (ResultBase & { type: "text"; given: string | null; correctAnswer: string[] });

/** A score out of a maximum: the one shape every view of a quiz attempt shows. */
export interface QuizScore {
  score: number;
  maxScore: number;
}

export interface QuizGradeResult {
  quizId: string;
  /** Sum of credits, rounded to 2 decimals. */
  score: number;
  /** Number of questions. */
  maxScore: number;
  /** 0..100, rounded to 1 decimal. */
  percent: number;
  passPercent: number;
  passed: boolean;
  /** In quiz order. */
  results: QuestionResult[];
}

export type QuizAnswerErrorCode = "invalid-answers" | "unknown-question" | "invalid-answer" | "unknown-option";

/** A submission that cannot be graded; `message` is written for a person. */
export class QuizAnswerError extends Error {
  readonly code: QuizAnswerErrorCode;
  readonly questionId?: string;
  constructor(code: QuizAnswerErrorCode, message: string, questionId?: string) {
    super(message);
    this.name = "QuizAnswerError";
    this.code = code;
    this.questionId = questionId;
  }
}

const MAX_TEXT_ANSWER = 500;
const optionId = text("an option id").min(1).max(64);
const answerSchemas = {
  single: optionId,
  multiple: z.array(optionId).max(100),
  "true-false": z.boolean(),
  ordering: z.array(optionId).max(100),
  matching: z.record(text("an item id").max(64), optionId),
  numeric: z.number(),
  text: text("the answer").max(MAX_TEXT_ANSWER),
} satisfies Record<Question["type"], z.ZodType>;

const SHAPE_HINT: Record<Question["type"], string> = {
  single: "the id of one option",
  multiple: "a list of option ids",
  "true-false": "true or false",
  ordering: "the list of item ids in your order",
  matching: "an object mapping each left item id to a right option id",
  numeric: "a finite number",
  text: `text of at most ${MAX_TEXT_ANSWER} characters`,
};

/**
 * Grades `answers` (untrusted JSON) against `quiz`.
 * @throws QuizAnswerError for an answer set that is malformed: not an object, an unknown
 *   question id, an answer of the wrong shape, or an option/item id the question lacks.
 */
export function gradeQuiz(quiz: Quiz, answers: unknown): QuizGradeResult {
  if (answers === null || typeof answers !== "object" || Array.isArray(answers))
    throw new QuizAnswerError("invalid-answers", "answers must be an object mapping question ids to answers");
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  for (const key of Object.keys(answers)) {
    if (!byId.has(key)) throw new QuizAnswerError("unknown-question", `quiz "${quiz.id}" has no question "${key}"`, key);
  }
  const given = answers as Record<string, unknown>;
  const results = quiz.questions.map((q) => gradeQuestion(q, Object.hasOwn(given, q.id) ? given[q.id] : null));
  const rawScore = results.reduce((sum, r) => sum + r.credit, 0);
  const score = round(rawScore, 2);
  const maxScore = quiz.questions.length;
  const percent = round((rawScore / maxScore) * 100, 1);
  const passPercent = quiz.passPercent ?? DEFAULT_PASS_PERCENT;
  return { quizId: quiz.id, score, maxScore, percent, passPercent, passed: percent >= passPercent, results };
}

function parseAnswer<T extends Question["type"]>(q: QuestionOf<T>, raw: unknown): z.infer<(typeof answerSchemas)[T]> {
  const parsed = answerSchemas[q.type as T].safeParse(raw);
  if (!parsed.success) {
    // A NUL or a broken character: say that, not "the wrong shape".
    const textIssue = parsed.error.issues.find((issue) => issue.code === "custom");
    const why = textIssue ? textIssue.message : `the answer must be ${SHAPE_HINT[q.type]}`;
    throw new QuizAnswerError("invalid-answer", `question ${q.id}: ${why}`, q.id);
  }
  return parsed.data as z.infer<(typeof answerSchemas)[T]>;
}

function requireKnown(q: Question, ids: readonly string[], known: readonly string[], what: string) {
  const unknown = ids.find((x) => !known.includes(x));
  if (unknown !== undefined) throw new QuizAnswerError("unknown-option", `question ${q.id} has no ${what} "${unknown}"`, q.id);
}

/** A list answer: only ids the question has (`known`), and none of them twice. */
function requireKnownOnce(q: Question, ids: readonly string[], known: readonly string[], what: string) {
  requireKnown(q, ids, known, what);
  const repeated = ids.find((x, i) => ids.indexOf(x) !== i);
  if (repeated !== undefined) throw new QuizAnswerError("invalid-answer", `question ${q.id}: ${what} "${repeated}" is given twice`, q.id);
}

/** The recorded `givenText` of an unanswered question (readers show their own words for it). */
export const NO_ANSWER_TEXT = "No answer";
const NO_ANSWER = NO_ANSWER_TEXT;

/** A question is `correct` only with full credit. */
const scored = (credit: number) => ({ correct: credit === 1, credit });

function gradeQuestion(q: Question, raw: unknown): QuestionResult {
  const answered = raw !== null && raw !== undefined;
  const base = { questionId: q.id, explanation: q.explanation, section: q.section };
  const text = (ids: readonly string[], list: readonly { id: string; text: string }[]) =>
    ids.map((x) => list.find((o) => o.id === x)?.text ?? x);

  switch (q.type) {
    case "single": {
      const optionIds = q.options.map((o) => o.id);
      const given = answered ? parseAnswer(q, raw) : null;
      if (given !== null) requireKnown(q, [given], optionIds, "option");
      const correctAnswer = q.options.find((o) => o.correct)!.id;
      const credit = given === correctAnswer ? 1 : 0;
      return {
        ...base,
        type: "single",
        ...scored(credit),
        given,
        correctAnswer,
        optionFeedback: feedbackOf(q.options),
        givenText: given === null ? NO_ANSWER : text([given], q.options)[0],
        correctAnswerText: text([correctAnswer], q.options)[0],
      };
    }
    case "multiple": {
      const optionIds = q.options.map((o) => o.id);
      const given = answered ? parseAnswer(q, raw) : null;
      if (given !== null) requireKnownOnce(q, given, optionIds, "option");
      const correctAnswer = q.options.filter((o) => o.correct).map((o) => o.id);
      let credit = 0;
      if (given !== null) {
        const hits = given.filter((x) => correctAnswer.includes(x)).length;
        const falseAlarms = given.length - hits;
        credit = Math.max(0, (hits - falseAlarms) / correctAnswer.length);
      }
      return {
        ...base,
        type: "multiple",
        ...scored(credit),
        given,
        correctAnswer,
        optionFeedback: feedbackOf(q.options),
        givenText: given === null || given.length === 0 ? NO_ANSWER : text(inListOrder(given, optionIds), q.options).join("; "),
        correctAnswerText: text(correctAnswer, q.options).join("; "),
      };
    }
    case "true-false": {
      const given = answered ? parseAnswer(q, raw) : null;
      const credit = given === q.answer ? 1 : 0;
      return {
        ...base,
        type: "true-false",
        ...scored(credit),
        given,
        correctAnswer: q.answer,
        givenText: given === null ? NO_ANSWER : given ? "True" : "False",
        correctAnswerText: q.answer ? "True" : "False",
      };
    }
    case "ordering": {
      const itemIds = q.items.map((i) => i.id);
      const given = answered ? parseAnswer(q, raw) : null;
      if (given !== null) {
        requireKnownOnce(q, given, itemIds, "item");
        if (given.length !== itemIds.length)
          throw new QuizAnswerError("invalid-answer", `question ${q.id}: put all ${itemIds.length} items in order (got ${given.length})`, q.id);
      }
      const credit = given === null ? 0 : Math.max(0, kendallTau(given, q.correctOrder));
      return {
        ...base,
        type: "ordering",
        ...scored(credit),
        given,
        correctAnswer: [...q.correctOrder],
        givenText: given === null ? NO_ANSWER : text(given, q.items).join(" → "),
        correctAnswerText: text(q.correctOrder, q.items).join(" → "),
      };
    }
    case "matching": {
      const leftIds = q.left.map((l) => l.id);
      const rightIds = q.right.map((r) => r.id);
      let given = answered ? parseAnswer(q, raw) : null;
      if (given !== null) {
        requireKnown(q, Object.keys(given), leftIds, "left item");
        requireKnown(q, Object.values(given), rightIds, "right option");
        if (Object.keys(given).length === 0) given = null;
      }
      const hits = given === null ? 0 : leftIds.filter((l) => given![l] === q.pairs[l]).length;
      const credit = hits / leftIds.length;
      const describePairs = (pairs: Record<string, string>) =>
        q.left
          .filter((l) => pairs[l.id] !== undefined)
          .map((l) => `${l.text} → ${text([pairs[l.id]], q.right)[0]}`)
          .join("; ");
      return {
        ...base,
        type: "matching",
        ...scored(credit),
        given,
        correctAnswer: { ...q.pairs },
        givenText: given === null ? NO_ANSWER : describePairs(given),
        correctAnswerText: describePairs(q.pairs),
      };
    }
    case "numeric": {
      const given = answered ? parseAnswer(q, raw) : null;
      // A hair of slack so 0.1 + 0.2 style float noise never turns a right answer wrong.
      const slack = 1e-9 * Math.max(1, Math.abs(q.answer));
      const credit = given !== null && Math.abs(given - q.answer) <= q.tolerance + slack ? 1 : 0;
      const withUnit = (x: number) => (q.unit ? `${x} ${q.unit}` : String(x));
      return {
        ...base,
        type: "numeric",
        ...scored(credit),
        given,
        correctAnswer: q.unit === undefined ? { value: q.answer, tolerance: q.tolerance } : { value: q.answer, tolerance: q.tolerance, unit: q.unit },
        givenText: given === null ? NO_ANSWER : withUnit(given),
        correctAnswerText: q.tolerance > 0 ? `${withUnit(q.answer)} (± ${q.tolerance})` : withUnit(q.answer),
      };
    }
    case "text": {
      let given = answered ? parseAnswer(q, raw) : null;
      if (given !== null && given.trim() === "") given = null;
      const accepted = q.accepted.map(normalizeTextAnswer);
      const credit = given !== null && accepted.includes(normalizeTextAnswer(given)) ? 1 : 0;
      return {
        ...base,
        type: "text",
        ...scored(credit),
        given,
        correctAnswer: [...q.accepted],
        givenText: given === null ? NO_ANSWER : given,
        correctAnswerText: q.accepted[0],
      };
    }
  }
}

function feedbackOf(options: readonly { id: string; feedback?: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const o of options) if (o.feedback !== undefined) out[o.id] = o.feedback;
  return out;
}

function inListOrder(ids: readonly string[], order: readonly string[]): string[] {
  return order.filter((x) => ids.includes(x));
}

/**
 * Kendall's tau between two orderings of the same ids: (concordant - discordant) / pairs.
 * 1 = same order, -1 = reversed.
 */
export function kendallTau(given: readonly string[], correct: readonly string[]): number {
  const rank = new Map(correct.map((x, i) => [x, i]));
  const r = given.map((x) => rank.get(x)!);
  let concordant = 0;
  let discordant = 0;
  for (let i = 0; i < r.length; i++)
    for (let j = i + 1; j < r.length; j++) {
      if (r[i] < r[j]) concordant++;
      else discordant++;
    }
  const pairs = concordant + discordant;
  return pairs === 0 ? 1 : (concordant - discordant) / pairs;
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}
