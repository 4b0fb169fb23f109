"use client";
import { useLessonStatus, type LessonStatus } from "./progress-store";

/** The words for each status, from the server (lessonStatusLabels): no next-intl runtime in the browser (decision 037). */
export type LessonStatusLabels = Record<LessonStatus, string>;

export function LessonStatusIcon({ slug, labels }: { slug: string; labels: LessonStatusLabels }) {
  const status = useLessonStatus(slug);
  const label = labels[status];
  return (
    <span role="img" aria-label={label} title={label} data-status={status} data-testid={`lesson-status-${slug}`}
      className={`grid h-6 w-6 shrink-0 place-items-center rounded-full border text-xs ${
        status === "complete"
          ? "border-emerald-600 bg-emerald-600 text-white"
          : status === "in-progress"
            ? "border-indigo-500 text-indigo-600 dark:text-indigo-300"
            : "border-slate-300 text-transparent dark:border-slate-600"
      }`}
    >
      {status === "complete" ? "✓" : status === "in-progress" ? "•" : ""}
    </span>
  );
}
