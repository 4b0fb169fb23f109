/**
 * The learner's draft answers, free of React and the DOM so it can be unit-tested: what
 * each question holds so far, reordering, whether a question counts as answered, and
 * turning the draft into the `answers` of the request body.
 */
import type { Answers } from "@/lib/quiz/grade";
import type { PublicQuestion, PublicQuiz } from "@/lib/quiz/public";

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

type MoveWords = (item: string, position: number, total: number) => string;
const englishMove: MoveWords = (item, position, total) => `"${item}" moved to position ${position} of ${total}.`;

/** What the live region says after a move: `"Pre-training" moved to position 1 of 4.` (the page passes its language's `say`). */
export function moveAnnouncement(itemText: string, order: string[], itemId: string, say: MoveWords = englishMove): string {
  return say(itemText, order.indexOf(itemId) + 1, order.length);
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

/** English; the view shows its own language's quiz.numberHint for any question marked invalid. */
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
