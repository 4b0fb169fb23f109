/** The input for one quiz question, by its type; each type's markup is in its own file here. */
import type { PublicQuestion } from "@/lib/quiz/public";
import type { Draft } from "../quiz-draft";
import { ChoiceQuestionInput, TrueFalseInput } from "./choice-question";
import { MatchingInput } from "./matching-question";
import { OrderingInput } from "./ordering-question";
import type { IdFor, OnDraftChange, OnMove } from "./question-parts";
import { TypedAnswerInput } from "./typed-answer-question";

export interface QuestionInputProps {
  question: PublicQuestion;
  number: number;
  draft: Draft;
  /** Why the last submit refused this answer (numeric answers that are not a number). */
  invalid?: string;
  idFor: IdFor;
  onChange: OnDraftChange;
  onMove: OnMove;
}

export function QuestionInput({ question: q, number, draft, invalid, idFor, onChange, onMove }: QuestionInputProps) {
  // Radio and checkbox groups share one name per question.
  const name = idFor(q.id);
  switch (q.type) {
    case "single":
    case "multiple":
      return <ChoiceQuestionInput question={q} number={number} name={name} draft={draft} onChange={onChange} />;
    case "true-false":
      return <TrueFalseInput question={q} number={number} name={name} answer={draft.trueFalse[q.id]} onChange={onChange} />;
    case "ordering":
      return <OrderingInput question={q} number={number} order={draft.ordering[q.id]} touched={draft.orderingTouched[q.id] === true} idFor={idFor} onMove={onMove} />;
    case "matching":
      return <MatchingInput question={q} number={number} pairs={draft.matching[q.id] ?? {}} idFor={idFor} onChange={onChange} />;
    case "numeric":
    case "text": {
      const value = (q.type === "numeric" ? draft.numeric[q.id] : draft.text[q.id]) ?? "";
      return <TypedAnswerInput question={q} number={number} value={value} invalid={invalid} idFor={idFor} onChange={onChange} />;
    }
  }
}
