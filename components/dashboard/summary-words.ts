/**
 * The dashboard's words for the summary's activity lines and notes (lib/progress/summary.ts), from
 * the page's "dashboard" messages: given to summarizeProgress by the server page and by the
 * anonymous dashboard in the browser alike.
 */
import type { SummaryWords } from "@/lib/progress/summary";

/** A next-intl translator of the "dashboard" namespace (getTranslations or useTranslations). */
export type DashboardTranslate = (key: string, values?: Record<string, string | number>) => string;

const ORPHAN_KEYS = { lesson: "orphanLessons", exercise: "orphanExercises", quiz: "orphanQuizzes" } as const;

export function summaryWords(t: DashboardTranslate): SummaryWords {
  return {
    named: (title) => t("activityNamed", { title }),
    removed: (id) => t("activityRemoved", { id }),
    started: (name) => t("activityStarted", { name }),
    completed: (name) => t("activityCompleted", { name }),
    exerciseRun: (name, passed, testsPassed, testsTotal) => t("activityExercise", { name, passed: passed ? "yes" : "no", testsPassed, testsTotal }),
    quizTaken: (name, score) => (score === null ? t("activityQuiz", { name }) : t("activityQuizScore", { name, score })),
    orphans: (count, kind) => t(ORPHAN_KEYS[kind], { count }),
  };
}

/** 59 -> "59 s"; 3725 -> "1 h 2 min"; 600 -> "10 min" (lib/progress/summary.ts formatDuration, in words of the page). */
export function durationText(t: DashboardTranslate, seconds: number): string {
  if (seconds < 60) return t("durationSeconds", { seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t("durationMinutes", { minutes });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? t("durationHoursMinutes", { hours, minutes: rest }) : t("durationHours", { hours });
}
