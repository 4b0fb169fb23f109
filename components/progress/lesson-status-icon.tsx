"use client";
import { useTranslations } from "next-intl";
import { useLessonStatus } from "./progress-store";

const LABEL_KEY = { "not-started": "statusNotStarted", "in-progress": "statusInProgress", complete: "statusComplete" } as const;

export function LessonStatusIcon({ slug }: { slug: string }) {
  const status = useLessonStatus(slug);
  const t = useTranslations("lesson");
  const label = t(LABEL_KEY[status]);
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
