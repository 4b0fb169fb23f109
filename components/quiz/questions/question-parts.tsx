/** Pieces every question input shares: its props, its number line and its legend. */
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { PublicOption, PublicOrderingQuestion } from "@/lib/quiz/public";
import type { DraftAction } from "../quiz-draft";
import { Markdown } from "../markdown";
import { legendClass, noteClass } from "../quiz-styles";

/** A DOM id unique to this quiz on the page, from the parts given (question id, "input", ...). */
export type IdFor = (...parts: string[]) => string;
export type OnDraftChange = (action: DraftAction) => void;
export type OnMove = (q: PublicOrderingQuestion, item: PublicOption, direction: "up" | "down") => void;

export function QuestionNumber({ n }: { n: number }) {
  const t = useTranslations("quiz");
  return <span className="mb-1 block text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{t("questionNumber", { n })}</span>;
}

/** "Question 3", then an optional note, the prompt, and an optional note after it. */
export function QuestionLegend({ number, prompt, noteBefore, noteAfter }: { number: number; prompt: string; noteBefore?: ReactNode; noteAfter?: ReactNode }) {
  return (
    <legend className={legendClass}>
      <QuestionNumber n={number} />
      {noteBefore && <span className={`mb-1 ${noteClass}`}>{noteBefore}</span>}
      <Markdown text={prompt} inline />
      {noteAfter && <span className={`mt-1 ${noteClass}`}>{noteAfter}</span>}
    </legend>
  );
}
