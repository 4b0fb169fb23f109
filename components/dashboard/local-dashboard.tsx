"use client";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { subscribe } from "@/components/progress/account-progress";
import { localSnapshot } from "@/lib/learner-state/snapshot";
import type { ProgressCatalog } from "@/lib/progress/catalog";
import { summarizeProgress, type DashboardSummary } from "@/lib/progress/summary";
import { DashboardView } from "./dashboard-view";
import { summaryWords } from "./summary-words";

/**
 * The dashboard of an anonymous learner: the same view and the same counting as the account's,
 * computed in the browser from local progress. Follows changes from other tabs.
 */
export function LocalDashboard({ catalog }: { catalog: ProgressCatalog }) {
  const [state, setState] = useState<{ summary: DashboardSummary; now: number } | null>(null);
  const t = useTranslations("dashboard");

  useEffect(() => {
    const compute = () => {
      let storage: Storage | null = null;
      try {
        storage = window.localStorage;
      } catch {
        storage = null;
      }
      const snapshot = storage ? localSnapshot(storage) : { track: "BUILDER" as const, lessons: [], exercises: [], quizzes: [], events: [] };
      setState({ summary: summarizeProgress(catalog, snapshot, { words: summaryWords(t) }), now: Date.now() });
    };
    compute();
    return subscribe(compute);
  }, [catalog, t]);

  if (!state) {
    return (
      <main className="mx-auto max-w-5xl px-4 py-10" aria-busy="true">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-300">{t("readingLocal")}</p>
      </main>
    );
  }
  return <DashboardView summary={state.summary} mode="local" now={state.now} />;
}
