/** An ordering question: a numbered list with Move up / Move down buttons per item (no drag needed). */
import { useTranslations } from "next-intl";
import type { PublicOrderingQuestion } from "@/lib/quiz/public";
import { Markdown, plainText } from "../markdown";
import { secondaryButton } from "../quiz-styles";
import { QuestionLegend, type IdFor, type OnMove } from "./question-parts";

export function OrderingInput({
  question: q,
  number,
  order,
  touched,
  idFor,
  onMove,
}: {
  question: PublicOrderingQuestion;
  number: number;
  order: string[];
  touched: boolean;
  idFor: IdFor;
  onMove: OnMove;
}) {
  const t = useTranslations("quiz");
  const hintId = idFor(q.id, "hint");
  const items = order.map((id) => q.items.find((i) => i.id === id)!);
  return (
    <fieldset aria-describedby={hintId}>
      <QuestionLegend number={number} prompt={q.prompt} />
      <p id={hintId} className="mb-2 text-sm text-slate-600 dark:text-slate-400">
        {t("orderingHint")}
        {touched ? "" : ` ${t("orderingUntouched")}`}
      </p>
      <ol className="space-y-2">
        {items.map((item, index) => {
          const label = plainText(item.text);
          return (
            <li key={item.id} className="flex items-center gap-3 rounded-md border border-slate-200 p-2 dark:border-slate-700">
              <span aria-hidden="true" className="w-6 text-right font-mono text-sm text-slate-500 dark:text-slate-400">
                {index + 1}.
              </span>
              <Markdown text={item.text} inline className="flex-1" />
              <span className="flex gap-1">
                {(["up", "down"] as const).map((direction) => {
                  const atEnd = direction === "up" ? index === 0 : index === items.length - 1;
                  return (
                    <button
                      key={direction}
                      type="button"
                      // QuizView finds the pressed button by this key to keep focus on it after the move.
                      data-move-key={`${q.id}:${item.id}:${direction}`}
                      // The visible words ("Move up") start the name, as WCAG's label-in-name asks.
                      aria-label={`${direction === "up" ? t("moveUp") : t("moveDown")}: ${label}`}
                      aria-disabled={atEnd ? true : undefined}
                      onClick={() => !atEnd && onMove(q, item, direction)}
                      className={`${secondaryButton} px-2 ${atEnd ? "cursor-not-allowed opacity-40" : ""}`}
                    >
                      <span aria-hidden="true">{direction === "up" ? "↑" : "↓"}</span>
                      <span className="sr-only sm:not-sr-only sm:ml-1">{direction === "up" ? t("moveUp") : t("moveDown")}</span>
                    </button>
                  );
                })}
              </span>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}
