/**
 * The graded attempt in words: a question's verdict and the learner's or the correct
 * answer as the texts the learner saw (QuizResults renders them).
 */
import type { QuestionResult } from "@/lib/quiz/grade";
import type { PublicOption, PublicQuestion } from "@/lib/quiz/public";
import { formatPoints } from "@/lib/quiz/score";

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

/** The few words an answer is told with (in the page's language when given). */
export interface AnswerWords {
  true: string;
  false: string;
  noAnswer: string;
  alsoAccepted: (answer: string, others: string) => string;
}
const ENGLISH_ANSWER_WORDS: AnswerWords = { true: "True", false: "False", noAnswer: "no answer", alsoAccepted: (answer, others) => `${answer} (also accepted: ${others})` };

export function readableAnswer(q: PublicQuestion, r: QuestionResult, which: "given" | "correct", words: AnswerWords = ENGLISH_ANSWER_WORDS): ReadableAnswer | null {
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
      return v === null ? null : single(v ? words.true : words.false);
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
        lines: left.map((l) => `${l.text} → ${pairs[l.id] === undefined ? `(${words.noAnswer})` : textOf(right, pairs[l.id])}`),
        ordered: false,
      };
    }
    case "numeric":
      if (which === "given") return r.given === null ? null : single(r.givenText);
      return single(r.correctAnswerText);
    case "text":
      if (which === "given") return r.given === null ? null : single(r.given);
      return single(r.correctAnswer.length > 1 ? words.alsoAccepted(r.correctAnswer[0], r.correctAnswer.slice(1).join(", ")) : r.correctAnswer[0]);
  }
}
