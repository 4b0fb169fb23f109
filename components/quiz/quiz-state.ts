/**
 * The quiz component's logic, free of React and the DOM so it can be unit-tested:
 * the learner's draft answers, reordering, turning the draft into the request body,
 * and reading the server's reply.
 */
import type { Review, ReviewedResult } from "@/lib/quiz/review";
import type { Answers, QuestionResult, QuizGradeResult, QuizScore } from "@/lib/quiz/grade";
import type { PublicOption, PublicQuestion, PublicQuiz } from "@/lib/quiz/public";
import { formatPoints, formatScore } from "@/lib/quiz/score";

/** What the learner has entered so far, per question id. */
export interface Draft {
  single: Record<string, string>;
  multiple: Record<string, string[]>;
  trueFalse: Record<string, boolean>;
  /** The current order of every ordering question (starts as displayed). */
  ordering: Record<string, string[]>;
  /** Ordering questions the learner has actually reordered (untouched = unanswered). */
  orderingTouched: Record<string, boolean>;
  matching: Record<string, Record<string, string>>;
  /** Raw input text: parsed only on submit, so "0." can be typed on the way to "0.5". */
  numeric: Record<string, string>;
  text: Record<string, string>;
}

export type DraftAction =
  | { type: "choose"; questionId: string; optionId: string }
  | { type: "toggle"; questionId: string; optionId: string; checked: boolean }
  | { type: "true-false"; questionId: string; value: boolean }
  | { type: "move"; questionId: string; itemId: string; direction: "up" | "down" }
  | { type: "match"; questionId: string; leftId: string; rightId: string }
  | { type: "numeric"; questionId: string; value: string }
  | { type: "text"; questionId: string; value: string }
  | { type: "reset"; quiz: PublicQuiz };

export function initialDraft(quiz: PublicQuiz): Draft {
  const ordering: Record<string, string[]> = {};
  for (const q of quiz.questions) if (q.type === "ordering") ordering[q.id] = q.items.map((i) => i.id);
  return { single: {}, multiple: {}, trueFalse: {}, ordering, orderingTouched: {}, matching: {}, numeric: {}, text: {} };
}

export function draftReducer(draft: Draft, action: DraftAction): Draft {
  switch (action.type) {
    case "choose":
      return { ...draft, single: { ...draft.single, [action.questionId]: action.optionId } };
    case "toggle": {
      const current = draft.multiple[action.questionId] ?? [];
      const next = action.checked
        ? current.includes(action.optionId)
          ? current
          : [...current, action.optionId]
        : current.filter((x) => x !== action.optionId);
      return { ...draft, multiple: { ...draft.multiple, [action.questionId]: next } };
    }
    case "true-false":
      return { ...draft, trueFalse: { ...draft.trueFalse, [action.questionId]: action.value } };
    case "move": {
      const order = draft.ordering[action.questionId];
      if (!order) return draft;
      const next = moveItem(order, action.itemId, action.direction);
      if (next === order) return draft;
      return {
        ...draft,
        ordering: { ...draft.ordering, [action.questionId]: next },
        orderingTouched: { ...draft.orderingTouched, [action.questionId]: true },
      };
    }
    case "match": {
      const pairs = { ...(draft.matching[action.questionId] ?? {}) };
      if (action.rightId === "") delete pairs[action.leftId];
      else pairs[action.leftId] = action.rightId;
      return { ...draft, matching: { ...draft.matching, [action.questionId]: pairs } };
    }
    case "numeric":
      return { ...draft, numeric: { ...draft.numeric, [action.questionId]: action.value } };
    case "text":
      return { ...draft, text: { ...draft.text, [action.questionId]: action.value } };
    case "reset":
      return initialDraft(action.quiz);
  }
}

/** The order with `itemId` swapped with its neighbour; the same array if it cannot move. */
export function moveItem(order: string[], itemId: string, direction: "up" | "down"): string[] {
  const from = order.indexOf(itemId);
  const to = direction === "up" ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= order.length) return order;
  const next = [...order];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}

/** What the live region says after a move: `"Pre-training" moved to position 1 of 4.` */
export function moveAnnouncement(itemText: string, order: string[], itemId: string): string {
  return `"${itemText}" moved to position ${order.indexOf(itemId) + 1} of ${order.length}.`;
}

/**
 * Reads a typed number. Accepts "8", "-0.5", ".5", "1e3", "1,000" (thousands), "0,5"
 * (decimal comma), surrounding spaces and the minus sign "−". Returns null if it is not a
 * finite number.
 */
export function parseNumber(raw: string): number | null {
  let s = raw.trim().replace(/\u2212/g, "-").replace(/[\s\u00a0_]/g, "");
  if (s === "") return null;
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, "");
  else if (/^[+-]?\d*,\d+$/.test(s)) s = s.replace(",", ".");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

export function isAnswered(q: PublicQuestion, draft: Draft): boolean {
  switch (q.type) {
    case "single":
      return draft.single[q.id] !== undefined;
    case "multiple":
      return (draft.multiple[q.id] ?? []).length > 0;
    case "true-false":
      return draft.trueFalse[q.id] !== undefined;
    case "ordering":
      return draft.orderingTouched[q.id] === true;
    case "matching":
      return Object.keys(draft.matching[q.id] ?? {}).length > 0;
    case "numeric":
      return (draft.numeric[q.id] ?? "").trim() !== "";
    case "text":
      return (draft.text[q.id] ?? "").trim() !== "";
  }
}

export type BuildResult = { ok: true; answers: Answers } | { ok: false; invalid: Record<string, string> };

export const NUMBER_HINT = "Enter a number, such as 8 or 0.5.";

/**
 * The `answers` of the request body: unanswered questions are left out (the server counts
 * them as wrong). Fails if a numeric answer cannot be read, so the learner can fix it.
 */
export function buildAnswers(quiz: PublicQuiz, draft: Draft): BuildResult {
  const answers: Answers = {};
  const invalid: Record<string, string> = {};
  for (const q of quiz.questions) {
    if (!isAnswered(q, draft)) continue;
    switch (q.type) {
      case "single":
        answers[q.id] = draft.single[q.id];
        break;
      case "multiple": {
        // Send in the displayed order so the request is stable however the boxes were ticked.
        const chosen = draft.multiple[q.id] ?? [];
        answers[q.id] = q.options.map((o) => o.id).filter((id) => chosen.includes(id));
        break;
      }
      case "true-false":
        answers[q.id] = draft.trueFalse[q.id];
        break;
      case "ordering":
        answers[q.id] = [...draft.ordering[q.id]];
        break;
      case "matching":
        answers[q.id] = { ...draft.matching[q.id] };
        break;
      case "numeric": {
        const n = parseNumber(draft.numeric[q.id]);
        if (n === null) invalid[q.id] = NUMBER_HINT;
        else answers[q.id] = n;
        break;
      }
      case "text":
        answers[q.id] = draft.text[q.id].trim();
        break;
    }
  }
  return Object.keys(invalid).length ? { ok: false, invalid } : { ok: true, answers };
}

/** A score out of a maximum (the same shape as the server's, without its date). */
export type AttemptScore = QuizScore;

/** The 200 reply of POST /api/quizzes/<quizId>/attempts. */
/** What the server answers: withheld results carry no key until the review policy allows it (lib/quiz/review.ts). */
export type AttemptResponse = Omit<QuizGradeResult, "results"> & {
  results: ReviewedResult[];
  review?: Review;
  best: AttemptScore;
  latest: AttemptScore;
};

export type SubmitOutcome = { ok: true; response: AttemptResponse } | { ok: false; message: string };

export interface SubmitBody {
  answers: Answers;
  seed: number;
  clientAttemptId: string;
}

const KEEP = "Your answers are still here: try again.";

/**
 * POSTs an attempt and turns every way it can go wrong into a message for the learner.
 * `fetchImpl` is injectable for tests.
 */
export async function submitAttempt(quizId: string, body: SubmitBody, fetchImpl: typeof fetch = fetch, locale = "en"): Promise<SubmitOutcome> {
  let res: Response;
  // A non-English page is graded against its own quiz (same ids and answers, explanations in its language).
  const query = locale === "en" ? "" : `?locale=${encodeURIComponent(locale)}`;
  try {
    res = await fetchImpl(`/api/quizzes/${encodeURIComponent(quizId)}/attempts${query}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, message: `Could not reach the server. Check your connection. ${KEEP}` };
  }
  let json: unknown = undefined;
  try {
    json = await res.json();
  } catch {
    // handled below: a non-JSON body
  }
  if (!res.ok) {
    const serverMessage =
      json && typeof json === "object" && typeof (json as { error?: unknown }).error === "string" ? (json as { error: string }).error : "";
    if (res.status === 401) return { ok: false, message: serverMessage || "Please sign in to submit this quiz. Your answers are still here." };
    if (res.status >= 500) return { ok: false, message: `The server could not save your answers (error ${res.status}). ${KEEP}` };
    return { ok: false, message: serverMessage ? `Your answers could not be graded: ${serverMessage}` : `Your answers could not be graded (error ${res.status}).` };
  }
  if (!isAttemptResponse(json)) return { ok: false, message: `The server sent a reply this page does not understand. ${KEEP}` };
  return { ok: true, response: json };
}

function isScore(x: unknown): x is AttemptScore {
  return !!x && typeof x === "object" && typeof (x as AttemptScore).score === "number" && typeof (x as AttemptScore).maxScore === "number";
}

export function isAttemptResponse(x: unknown): x is AttemptResponse {
  if (!isScore(x)) return false;
  const r = x as Partial<AttemptResponse>;
  return (
    typeof r.percent === "number" &&
    Array.isArray(r.results) &&
    r.results.every((q) => q && typeof q.questionId === "string" && typeof q.correct === "boolean") &&
    isScore(r.best) &&
    isScore(r.latest)
  );
}

export { formatPoints, formatScore };

export interface VerdictWords {
  correct: string;
  incorrect: string;
  partly: (credit: string) => string;
}
const ENGLISH_VERDICTS: VerdictWords = { correct: "Correct", incorrect: "Incorrect", partly: (credit) => `Partly correct (${credit} of 1 point)` };

/** "Correct", "Incorrect", or "Partly correct (0.67 of 1 point)" (in the page's language when `words` are given). */
export function verdict(r: Pick<QuestionResult, "correct" | "credit">, words: VerdictWords = ENGLISH_VERDICTS): string {
  if (r.correct) return words.correct;
  if (r.credit > 0) return words.partly(formatPoints(r.credit));
  return words.incorrect;
}

/** A readable answer: option texts in the public quiz, falling back to the server's text. */
export interface ReadableAnswer {
  /** One line, or a list (ordering: numbered; matching: "left → right"). */
  lines: string[];
  ordered: boolean;
}

const textOf = (list: PublicOption[], id: string) => list.find((o) => o.id === id)?.text ?? id;

export function readableAnswer(q: PublicQuestion, r: QuestionResult, which: "given" | "correct"): ReadableAnswer | null {
  const single = (line: string): ReadableAnswer => ({ lines: [line], ordered: false });
  if (q.type !== r.type) return single(which === "given" ? r.givenText : r.correctAnswerText);
  switch (r.type) {
    case "single": {
      const id = which === "given" ? r.given : r.correctAnswer;
      return id === null ? null : single(textOf((q as { options: PublicOption[] }).options, id));
    }
    case "multiple": {
      const ids = which === "given" ? r.given : r.correctAnswer;
      if (ids === null || ids.length === 0) return null;
      const options = (q as { options: PublicOption[] }).options;
      return { lines: options.filter((o) => ids.includes(o.id)).map((o) => o.text), ordered: false };
    }
    case "true-false": {
      const v = which === "given" ? r.given : r.correctAnswer;
      return v === null ? null : single(v ? "True" : "False");
    }
    case "ordering": {
      const ids = which === "given" ? r.given : r.correctAnswer;
      return ids === null ? null : { lines: ids.map((id) => textOf((q as { items: PublicOption[] }).items, id)), ordered: true };
    }
    case "matching": {
      const pairs = which === "given" ? r.given : r.correctAnswer;
      if (pairs === null) return null;
      const { left, right } = q as { left: PublicOption[]; right: PublicOption[] };
      return {
        lines: left.map((l) => `${l.text} → ${pairs[l.id] === undefined ? "(no answer)" : textOf(right, pairs[l.id])}`),
        ordered: false,
      };
    }
    case "numeric":
      if (which === "given") return r.given === null ? null : single(r.givenText);
      return single(r.correctAnswerText);
    case "text":
      if (which === "given") return r.given === null ? null : single(r.given);
      return single(r.correctAnswer.length > 1 ? `${r.correctAnswer[0]} (also accepted: ${r.correctAnswer.slice(1).join(", ")})` : r.correctAnswer[0]);
  }
}

/** A fresh id for one attempt, kept across retries of the same attempt so the server can de-duplicate. */
export function newAttemptId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes); // randomUUID needs a secure context; this does not
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
