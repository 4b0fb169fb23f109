/** A matching question: one labelled select per left-hand item, listing the right-hand items. */
import { useTranslations } from "next-intl";
import type { PublicMatchingQuestion } from "@/lib/quiz/public";
import { Markdown, plainText } from "../markdown";
import { inputBase } from "../quiz-styles";
import { QuestionLegend, type IdFor, type OnDraftChange } from "./question-parts";

export function MatchingInput({
  question: q,
  number,
  pairs,
  idFor,
  onChange,
}: {
  question: PublicMatchingQuestion;
  number: number;
  pairs: Record<string, string>;
  idFor: IdFor;
  onChange: OnDraftChange;
}) {
  const t = useTranslations("quiz");
  return (
    <fieldset>
      <QuestionLegend number={number} prompt={q.prompt} />
      <div className="space-y-2">
        {q.left.map((l) => {
          const selectId = idFor(q.id, l.id);
          return (
            <div key={l.id} className="grid items-center gap-1 sm:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)] sm:gap-3">
              <label htmlFor={selectId}>
                <Markdown text={l.text} inline />
              </label>
              <select
                id={selectId}
                value={pairs[l.id] ?? ""}
                onChange={(e) => onChange({ type: "match", questionId: q.id, leftId: l.id, rightId: e.currentTarget.value })}
                className={inputBase}
              >
                <option value="">{t("choose")}</option>
                {q.right.map((r) => (
                  <option key={r.id} value={r.id}>
                    {plainText(r.text)}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
