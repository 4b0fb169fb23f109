"use client";
/**
 * One quiz's review policy for a cohort (when its members see the correct answers), as its
 * instructor sets it: PUT /api/cohorts/<id>/quiz-review/<quizId>.
 */
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { QuizReviewView } from "@/lib/cohorts/quiz-review";
import type { ReviewMode } from "@/lib/quiz/review";
import { describePolicy } from "@/lib/quiz/review-words";
import { sendJson } from "./send-json";
import { useApiError } from "./use-api-error";

/** Each mode and its label's key in instructor.review. */
const MODES: { value: ReviewMode; label: "modeAfterPassOrAttempts" | "modeAfterPass" | "modeAfterAttempts" | "modeAlways" }[] = [
  { value: "AFTER_PASS_OR_ATTEMPTS", label: "modeAfterPassOrAttempts" },
  { value: "AFTER_PASS", label: "modeAfterPass" },
  { value: "AFTER_ATTEMPTS", label: "modeAfterAttempts" },
  { value: "ALWAYS", label: "modeAlways" },
];

export function QuizReviewForm({ cohortId, review }: { cohortId: string; review: QuizReviewView }) {
  const uid = useId();
  const t = useTranslations("instructor.review");
  const locale = useLocale() as Locale;
  const apiError = useApiError("instructor");
  const [mode, setMode] = useState<ReviewMode>(review.mode);
  const [attempts, setAttempts] = useState(review.attempts);
  const [status, setStatus] = useState<string>(() => describePolicy(review, locale));
  const [saving, setSaving] = useState(false);
  const usesAttempts = mode === "AFTER_ATTEMPTS" || mode === "AFTER_PASS_OR_ATTEMPTS";

  const save = async () => {
    setSaving(true);
    const result = await sendJson<{ review: QuizReviewView }>(
      `/api/cohorts/${encodeURIComponent(cohortId)}/quiz-review/${encodeURIComponent(review.quizId)}`,
      "PUT",
      { mode, attempts },
    );
    setSaving(false);
    setStatus(result.ok ? t("saved", { description: describePolicy(result.data.review, locale) }) : apiError(result));
  };

  return (
    <form
      className="mt-3 flex flex-wrap items-end gap-3 text-sm"
      data-testid="quiz-review-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label className="flex flex-col gap-1" htmlFor={`${uid}-mode`}>
        <span className="font-medium">{t("show")}</span>
        <select id={`${uid}-mode`} value={mode} onChange={(e) => setMode(e.target.value as ReviewMode)} className="rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900">
          {MODES.map((m) => (
            <option key={m.value} value={m.value}>
              {t(m.label)}
            </option>
          ))}
        </select>
      </label>
      {usesAttempts && (
        <label className="flex flex-col gap-1" htmlFor={`${uid}-attempts`}>
          <span className="font-medium">{t("attempts")}</span>
          <input id={`${uid}-attempts`} type="number" min={1} max={20} value={attempts} onChange={(e) => setAttempts(Number(e.target.value))} className="w-20 rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900" />
        </label>
      )}
      <button type="submit" disabled={saving} className="rounded-md border border-slate-300 px-3 py-1 font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800">
        {saving ? t("saving") : t("save")}
      </button>
      <p role="status" className="basis-full text-slate-600 dark:text-slate-300" data-testid="quiz-review-status">
        {status}
      </p>
    </form>
  );
}
