import { useTranslations } from "next-intl";
import { LocaleLink as Link } from "@/components/layout/locale-link";
import type { MatrixColumn } from "@/lib/analytics/course";
import { cellLabel, compactScore, type MatrixCell, type MatrixRow } from "@/lib/analytics/matrix";
import { LINK } from "./ui";

/** The keys in instructor.matrix of each kind's name, capitalised and in running text. */
const KIND_NAME = { lesson: "kindLesson", exercise: "kindExercise", quiz: "kindQuiz" } as const;
const KIND_LOWER = { lesson: "kindLessonLower", exercise: "kindExerciseLower", quiz: "kindQuizLower" } as const;

type Translate = ReturnType<typeof useTranslations<"instructor">>;

/**
 * A cell in words, in the page's language (the English is lib/analytics/matrix.ts cellText's,
 * which the CSV export keeps).
 */
export function cellWords(cell: MatrixCell, t: Translate): string {
  switch (cell.kind) {
    case "lesson":
      return t(cell.state === "complete" ? "matrix.cellComplete" : cell.state === "in-progress" ? "matrix.cellInProgress" : "matrix.cellNotStarted");
    case "exercise": {
      if (cell.state === "not-attempted") return t("matrix.cellNotAttempted");
      const attempts = t("units.attempts", { count: cell.attempts });
      if (cell.state === "passed") {
        return cell.attemptsToPass !== null && cell.attemptsToPass !== cell.attempts
          ? t("matrix.cellPassedOn", { attempts, on: cell.attemptsToPass })
          : t("matrix.cellPassed", { attempts });
      }
      return t("matrix.cellNotPassed", { attempts, best: cell.bestPassed, total: cell.testsTotal });
    }
    case "quiz": {
      if (cell.state === "not-taken" || cell.score === null || cell.maxScore === null) return t("matrix.cellNotTaken");
      const score = compactScore(cell.score, cell.maxScore);
      return cell.attempts > 1 ? t("matrix.cellBestOf", { score, count: cell.attempts }) : score;
    }
  }
}

/** Colour per state; the glyph and text inside each cell carry the same information. */
const CELL_CLASS: Record<MatrixCell["state"], string> = {
  complete: "bg-emerald-700 text-white",
  passed: "bg-emerald-700 text-white",
  "in-progress": "bg-amber-200 text-amber-950 dark:bg-amber-700 dark:text-white",
  "below-pass": "bg-amber-200 text-amber-950 dark:bg-amber-700 dark:text-white",
  attempted: "bg-rose-200 text-rose-950 dark:bg-rose-800 dark:text-white",
  "not-started": "bg-slate-100 text-slate-400 dark:bg-slate-800/60 dark:text-slate-500",
  "not-attempted": "bg-slate-100 text-slate-400 dark:bg-slate-800/60 dark:text-slate-500",
  "not-taken": "bg-slate-100 text-slate-400 dark:bg-slate-800/60 dark:text-slate-500",
};

/** The legend's swatches; `text` is the key of each one's words in instructor.matrix. */
export const MATRIX_LEGEND: { className: string; sample: string; text: "legendDone" | "legendPartial" | "legendAttempted" | "legendNone" }[] = [
  { className: CELL_CLASS.complete, sample: "✓", text: "legendDone" },
  { className: CELL_CLASS["in-progress"], sample: "…", text: "legendPartial" },
  { className: CELL_CLASS.attempted, sample: "✗4", text: "legendAttempted" },
  { className: CELL_CLASS["not-started"], sample: "", text: "legendNone" },
];

export function MatrixLegend() {
  const t = useTranslations("instructor.matrix");
  return (
    <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm" aria-label={t("legend")}>
      {MATRIX_LEGEND.map((item) => (
        <li key={item.text} className="flex items-center gap-2">
          <span aria-hidden="true" className={`grid h-6 w-9 place-items-center rounded text-xs font-medium ${item.className}`}>{item.sample}</span>
          <span>{t(item.text)}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The learners × items table for one page of learners. Colour-coded, with a short visible label
 * per cell and the full text ("3 attempts, passed", "8/12") for screen readers and as a tooltip.
 * Headers carry the items' short codes; their full names are in each header's accessible name.
 */
export function ProgressMatrix({ columns, rows, cohortId }: { columns: MatrixColumn[]; rows: MatrixRow[]; cohortId: string }) {
  const t = useTranslations("instructor");
  const heading = (c: MatrixColumn) => `${t(`matrix.${KIND_NAME[c.kind]}`)}: ${c.title}`;
  return (
    <div className="max-h-[70vh] overflow-auto rounded-lg border border-slate-200 dark:border-slate-800" data-testid="matrix">
      <table className="border-separate border-spacing-0 text-xs">
        <caption className="sr-only">
          {t("matrix.caption")}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 top-0 z-30 min-w-48 border-b border-r border-slate-200 bg-slate-50 px-3 py-2 text-left text-sm font-medium dark:border-slate-800 dark:bg-slate-900">
              {t("matrix.learner")}
            </th>
            {columns.map((c) => (
              <th
                key={`${c.kind}:${c.id}`}
                scope="col"
                title={heading(c)}
                className={`sticky top-0 z-20 border-b border-slate-200 bg-slate-50 px-1 py-2 text-center font-semibold dark:border-slate-800 dark:bg-slate-900 ${
                  c.kind === "lesson" ? "border-l" : ""
                }`}
              >
                <span aria-hidden="true">{c.short}</span>
                <span className="sr-only">{heading(c)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.learner.id} data-testid="matrix-row" data-learner={row.learner.id}>
              <th scope="row" className="sticky left-0 z-10 border-b border-r border-slate-200 bg-white px-3 py-1.5 text-left text-sm font-normal dark:border-slate-800 dark:bg-slate-950">
                <Link href={`/instructor/cohorts/${cohortId}/learners/${row.learner.id}`} className={LINK}>{row.learner.name}</Link>
              </th>
              {row.cells.map((cell, i) => {
                const column = columns[i];
                const text = cellWords(cell, t);
                return (
                  <td key={`${column.kind}:${column.id}`} className={`border-b border-slate-200 p-0.5 dark:border-slate-800 ${column.kind === "lesson" ? "border-l" : ""}`}>
                    <span
                      title={`${row.learner.name} · ${column.title}: ${text}`}
                      data-state={cell.state}
                      data-item={column.id}
                      className={`grid h-7 min-w-9 place-items-center rounded px-1 font-medium tabular-nums ${CELL_CLASS[cell.state]}`}
                    >
                      <span aria-hidden="true">{cellLabel(cell)}</span>
                      <span className="sr-only">{text}</span>
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The column key: what L4, E7 and Q2 stand for. */
export function MatrixKey({ columns }: { columns: MatrixColumn[] }) {
  const t = useTranslations("instructor.matrix");
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-indigo-700 hover:underline dark:text-indigo-300">{t("keySummary")}</summary>
      <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
        {columns.map((c) => (
          <div key={`${c.kind}:${c.id}`} className="flex gap-2">
            <dt className="w-8 shrink-0 font-semibold">{c.short}</dt>
            <dd>
              {c.title} <span className="text-slate-500 dark:text-slate-400">({t(KIND_LOWER[c.kind])})</span>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
