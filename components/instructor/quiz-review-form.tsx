"use client";
/**
 * One quiz's review policy for a cohort (when its members see the correct answers), as its
 * instructor sets it: PUT /api/cohorts/<id>/quiz-review/<quizId>.
 */
import { useId, useState } from "react";
import type { QuizReviewView } from "@/lib/cohorts/quiz-review";
import type { ReviewMode } from "@/lib/quiz/review";
import { sendJson } from "./send-json";

const MODES: { value: ReviewMode; label: string }[] = [
  { value: "AFTER_PASS_OR_ATTEMPTS", label: "after a pass or N attempts" },
  { value: "AFTER_PASS", label: "after a pass" },
  { value: "AFTER_ATTEMPTS", label: "after N attempts" },
  { value: "ALWAYS", label: "after every attempt" },
];

export function QuizReviewForm({ cohortId, review }: { cohortId: string; review: QuizReviewView }) {
  const uid = useId();
  const [mode, setMode] = useState<ReviewMode>(review.mode);
  const [attempts, setAttempts] = useState(review.attempts);
  const [status, setStatus] = useState<string>(review.description);
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
    setStatus(result.ok ? `Saved. ${result.data.review.description}` : result.error);
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
        <span className="font-medium">Show the correct answers</span>
        <select id={`${uid}-mode`} value={mode} onChange={(e) => setMode(e.target.value as ReviewMode)} className="rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900">
          {MODES.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      {usesAttempts && (
        <label className="flex flex-col gap-1" htmlFor={`${uid}-attempts`}>
          <span className="font-medium">N (attempts)</span>
          <input id={`${uid}-attempts`} type="number" min={1} max={20} value={attempts} onChange={(e) => setAttempts(Number(e.target.value))} className="w-20 rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900" />
        </label>
      )}
      <button type="submit" disabled={saving} className="rounded-md border border-slate-300 px-3 py-1 font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800">
        {saving ? "Saving…" : "Save"}
      </button>
      <p role="status" className="basis-full text-slate-600 dark:text-slate-300" data-testid="quiz-review-status">
        {status}
      </p>
    </form>
  );
}
