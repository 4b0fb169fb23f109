"use client";
import { useLessonStatus } from "./progress-store";

const LABEL = { "not-started": "Not started", "in-progress": "In progress", complete: "Complete" } as const;

export function LessonStatusIcon({ slug }: { slug: string }) {
  const status = useLessonStatus(slug);
  return (
    <span role="img" aria-label={LABEL[status]} title={LABEL[status]} data-status={status} data-testid={`lesson-status-${slug}`}
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
