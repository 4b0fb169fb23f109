/** Numeric and short-text questions: one text box, a unit if any, and the reason it was refused. */
import type { PublicQuestion } from "@/lib/quiz/public";
import { Markdown } from "../markdown";
import { inputBase, legendClass } from "../quiz-styles";
import { QuestionNumber, type IdFor, type OnDraftChange } from "./question-parts";

type TypedQuestion = Extract<PublicQuestion, { type: "numeric" | "text" }>;

export function TypedAnswerInput({
  question: q,
  number,
  value,
  invalid,
  idFor,
  onChange,
}: {
  question: TypedQuestion;
  number: number;
  value: string;
  invalid?: string;
  idFor: IdFor;
  onChange: OnDraftChange;
}) {
  const inputId = idFor(q.id, "input");
  const errorId = idFor(q.id, "error");
  const unitId = idFor(q.id, "unit");
  const unit = q.type === "numeric" ? q.unit : undefined;
  const describedBy = [unit ? unitId : "", invalid ? errorId : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={inputId} className={`block ${legendClass}`}>
        <QuestionNumber n={number} />
        <Markdown text={q.prompt} inline />
      </label>
      <div className="flex items-center gap-2">
        <input
          id={inputId}
          type="text"
          inputMode={q.type === "numeric" ? "decimal" : undefined}
          autoComplete="off"
          spellCheck={q.type === "text" ? false : undefined}
          maxLength={q.type === "text" ? 200 : 40}
          value={value}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange({ type: q.type, questionId: q.id, value: e.currentTarget.value })}
          className={`${inputBase} ${q.type === "numeric" ? "w-40" : "w-full max-w-md"} ${invalid ? "border-red-500 dark:border-red-400" : ""}`}
          data-testid={`answer-${q.id}`}
        />
        {unit && (
          <span id={unitId} className="text-sm text-slate-600 dark:text-slate-400">
            {unit}
          </span>
        )}
      </div>
      {invalid && (
        <p id={errorId} className="mt-1 text-sm text-red-700 dark:text-red-300">
          {invalid}
        </p>
      )}
    </div>
  );
}
