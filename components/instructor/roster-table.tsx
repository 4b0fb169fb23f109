"use client";
import { Link } from "@/i18n/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { ProgressBar } from "@/components/dashboard/progress-bar";
import { formatAgo } from "./format";
import { FIELD, LINK } from "./ui";
import { DataTable, HEAD_BAND, TABLE_FRAME } from "@/components/ui/data-table";

/** One roster row as the page sends it to the browser (dates as epoch milliseconds). */
export interface RosterItem {
  id: string;
  name: string;
  email: string;
  track: "BUILDER" | "CONCEPT";
  lastActivity: number | null;
  percent: number;
  done: number;
  total: number;
  lessonsDone: number;
  lessonsTotal: number;
  exercisesPassed: number;
  exercisesTotal: number;
  quizzesTaken: number;
  averageQuizPercent: number | null;
  inactive: boolean;
  stuck: boolean;
  /** Finished capstone training runs, or null when none. */
  capstone: { runs: number; bestValidationLoss: number; mostPiecesYours: number } | null;
}

type SortKey = "name" | "percent" | "lastActivity" | "exercisesPassed" | "averageQuizPercent";
type Filter = "all" | "inactive" | "stuck" | "not-started" | "finished";

/** Each filter, with its label's key in instructor.roster. */
const FILTERS: Record<Filter, { label: string; test: (r: RosterItem) => boolean }> = {
  all: { label: "filterAll", test: () => true },
  inactive: { label: "filterInactive", test: (r) => r.inactive },
  stuck: { label: "filterStuck", test: (r) => r.stuck },
  "not-started": { label: "filterNotStarted", test: (r) => r.done === 0 && r.lastActivity === null },
  finished: { label: "filterFinished", test: (r) => r.total > 0 && r.done >= r.total },
};

const PAGE = 100;

/**
 * The roster: sortable by every column (click a header; again to reverse), filterable by name or
 * email and by status. Each name opens the learner's drill-down.
 */
export function RosterTable({ rows, cohortId, now }: { rows: RosterItem[]; cohortId: string; now: number }) {
  const t = useTranslations("instructor.roster");
  const locale = useLocale();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: "name", descending: false });
  const [query, setQuery] = useState("");
  const [filter, setFilter] = useState<Filter>("all");
  const [shown, setShown] = useState(PAGE);

  const visible = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    const matches = rows.filter((r) => FILTERS[filter].test(r) && (!q || r.name.toLocaleLowerCase().includes(q) || r.email.toLocaleLowerCase().includes(q)));
    const value = (r: RosterItem): number | string | null => (sort.key === "name" ? r.name.toLocaleLowerCase() : r[sort.key]);
    return matches.sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      // Missing values (never active, no quiz taken) go last in either direction.
      if (va === null && vb === null) return a.name.localeCompare(b.name);
      if (va === null) return 1;
      if (vb === null) return -1;
      const order = typeof va === "string" ? va.localeCompare(vb as string) : va - (vb as number);
      return (sort.descending ? -order : order) || a.name.localeCompare(b.name);
    });
  }, [rows, query, filter, sort]);

  const header = (key: SortKey, label: string, align: "left" | "right" = "left") => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"} className={`px-3 py-2 font-medium ${align === "right" ? "text-right" : "text-left"}`}>
        <button
          type="button"
          onClick={() => setSort({ key, descending: active ? !sort.descending : key !== "name" })}
          className="inline-flex items-center gap-1 hover:text-indigo-700 dark:hover:text-indigo-300"
        >
          {label}
          <span aria-hidden="true" className="text-xs text-slate-400">{active ? (sort.descending ? "▼" : "▲") : "↕"}</span>
        </button>
      </th>
    );
  };

  return (
    <div data-testid="roster">
      <div className="flex flex-wrap items-end gap-3">
        <label className="block text-sm font-medium">
          {t("find")}
          <input type="search" value={query} onChange={(e) => { setQuery(e.target.value); setShown(PAGE); }} placeholder={t("searchPlaceholder")} className={`${FIELD} w-64`} />
        </label>
        <label className="block text-sm font-medium">
          {t("show")}
          <select value={filter} onChange={(e) => { setFilter(e.target.value as Filter); setShown(PAGE); }} className={`${FIELD} w-56`}>
            {(Object.keys(FILTERS) as Filter[]).map((f) => (
              <option key={f} value={f}>{t("filterOption", { label: t(FILTERS[f].label), count: rows.filter(FILTERS[f].test).length })}</option>
            ))}
          </select>
        </label>
        <p className="pb-2 text-sm text-slate-600 dark:text-slate-300" aria-live="polite">
          {t("shown", { visible: visible.length, total: rows.length })}
        </p>
      </div>

      <DataTable frame={TABLE_FRAME} className="w-full min-w-[760px] text-sm" caption={t("caption")}>
        <thead className={HEAD_BAND}>
          <tr>
            {header("name", t("learner"))}
            {header("percent", t("completion"))}
            {header("lastActivity", t("lastActivity"))}
            {header("exercisesPassed", t("exercisesPassed"), "right")}
            {header("averageQuizPercent", t("averageQuiz"), "right")}
            <th scope="col" className="px-3 py-2 text-left font-medium">{t("capstone")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {visible.slice(0, shown).map((r) => (
            <tr key={r.id} data-testid="roster-row">
              <td className="px-3 py-2">
                <Link href={`/instructor/cohorts/${cohortId}/learners/${r.id}`} className={LINK}>{r.name}</Link>
                <span className="block text-xs text-slate-500 dark:text-slate-400">
                  {r.email} · {r.track === "BUILDER" ? t("builderTrack") : t("conceptTrack")}
                  {r.stuck && <span className="ml-1 rounded bg-rose-100 px-1 text-rose-800 dark:bg-rose-950 dark:text-rose-200">{t("stuckBadge")}</span>}
                </span>
              </td>
              <td className="w-56 px-3 py-2">
                <div className="flex items-center gap-2">
                  <span className="w-10 text-right tabular-nums">{r.percent}%</span>
                  <ProgressBar done={r.done} total={r.total} label={t("completionLabel", { name: r.name })} />
                </div>
                <span className="block text-xs text-slate-500 dark:text-slate-400">{t("lessons", { done: r.lessonsDone, total: r.lessonsTotal })}</span>
              </td>
              <td className={`px-3 py-2 ${r.inactive ? "text-amber-700 dark:text-amber-300" : ""}`}>
                {formatAgo(r.lastActivity, now, 30, locale)}
                {r.inactive && <span className="sr-only">{t("inactiveNote")}</span>}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {r.exercisesPassed}
                {r.exercisesTotal > 0 ? ` / ${r.exercisesTotal}` : ""}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {r.averageQuizPercent === null ? <span className="text-slate-500 dark:text-slate-400">—<span className="sr-only">{t("noQuiz")}</span></span> : `${r.averageQuizPercent}%`}
                {r.quizzesTaken > 0 && <span className="block text-xs text-slate-500 dark:text-slate-400">{t("quizzesTaken", { count: r.quizzesTaken })}</span>}
              </td>
              <td className="px-3 py-2" data-testid="roster-capstone">
                {r.capstone ? (
                  <>
                    <span className="rounded bg-emerald-100 px-1 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">{t("trained")}</span>
                    <span className="block text-xs text-slate-500 dark:text-slate-400">
                      {t("capstoneDetail", { loss: r.capstone.bestValidationLoss.toFixed(2), pieces: r.capstone.mostPiecesYours })}
                      {r.capstone.runs > 1 ? t("capstoneRuns", { count: r.capstone.runs }) : ""}
                    </span>
                  </>
                ) : (
                  <span className="text-slate-500 dark:text-slate-400">—<span className="sr-only">{t("noCapstone")}</span></span>
                )}
              </td>
            </tr>
          ))}
          {visible.length === 0 && (
            <tr>
              <td colSpan={6} className="px-3 py-6 text-center text-slate-500 dark:text-slate-400">
                {rows.length === 0 ? t("nobodyYet") : t("noMatch")}
              </td>
            </tr>
          )}
        </tbody>
      </DataTable>
      {visible.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + PAGE)} className="mt-3 text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          {t("showMore", { count: Math.min(PAGE, visible.length - shown), hidden: visible.length - shown })}
        </button>
      )}
    </div>
  );
}
