/** Single choice (radio buttons), multiple choice (checkboxes) and true/false. */
import { useTranslations } from "next-intl";
import type { PublicQuestion } from "@/lib/quiz/public";
import type { Draft } from "../quiz-draft";
import { Markdown } from "../markdown";
import { choiceInput, choiceLabel } from "../quiz-styles";
import { QuestionLegend, type OnDraftChange } from "./question-parts";

type ChoiceQuestion = Extract<PublicQuestion, { type: "single" | "multiple" }>;

export function ChoiceQuestionInput({ question: q, number, name, draft, onChange }: { question: ChoiceQuestion; number: number; name: string; draft: Draft; onChange: OnDraftChange }) {
  const t = useTranslations("quiz");
  return (
    <fieldset>
      <QuestionLegend number={number} prompt={q.prompt} noteAfter={q.type === "multiple" ? t("selectAll") : undefined} />
      <div className="space-y-1">
        {q.options.map((o) => (
          <label key={o.id} className={choiceLabel}>
            {q.type === "single" ? (
              <input
                type="radio"
                name={name}
                value={o.id}
                checked={draft.single[q.id] === o.id}
                onChange={() => onChange({ type: "choose", questionId: q.id, optionId: o.id })}
                className={choiceInput}
              />
            ) : (
              <input
                type="checkbox"
                name={name}
                value={o.id}
                checked={(draft.multiple[q.id] ?? []).includes(o.id)}
                onChange={(e) => onChange({ type: "toggle", questionId: q.id, optionId: o.id, checked: e.currentTarget.checked })}
                className={choiceInput}
              />
            )}
            <Markdown text={o.text} inline />
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function TrueFalseInput({ question: q, number, name, answer, onChange }: { question: PublicQuestion; number: number; name: string; answer: boolean | undefined; onChange: OnDraftChange }) {
  const t = useTranslations("quiz");
  return (
    <fieldset>
      <QuestionLegend number={number} prompt={q.prompt} noteBefore={t("trueOrFalse")} />
      <div className="flex gap-2">
        {([true, false] as const).map((value) => (
          <label key={String(value)} className={choiceLabel}>
            <input
              type="radio"
              name={name}
              value={String(value)}
              checked={answer === value}
              onChange={() => onChange({ type: "true-false", questionId: q.id, value })}
              className={choiceInput}
            />
            {value ? t("true") : t("false")}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
