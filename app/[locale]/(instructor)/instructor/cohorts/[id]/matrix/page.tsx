import { getTranslations } from "next-intl/server";
import { pageTitle } from "@/components/instructor/page-title";
import { LocaleLink as Link } from "@/components/layout/locale-link";
import { getDb } from "@/lib/db/client";
import { cohortMatrix } from "@/lib/cohorts/dashboard";
import { getCourseOutline } from "@/lib/course/course-index-server";
import type { ItemKind } from "@/lib/analytics/course";
import { DEFAULT_MATRIX_PAGE_SIZE } from "@/lib/analytics/matrix";
import { textProblem } from "@/lib/validation/text";
import { orNotFound, signedInOrRedirect } from "@/lib/auth/page-guard";
import { MatrixKey, MatrixLegend, ProgressMatrix } from "@/components/instructor/progress-matrix";
import { BUTTON_QUIET, FIELD, LINK } from "@/components/instructor/ui";

export const generateMetadata = pageTitle("instructor", "meta.matrix");
export const dynamic = "force-dynamic";

/** The column filter's choices; `label` is the key of each one's name in instructor.matrix. */
const SHOW: Record<string, { label: string; kinds: ItemKind[] }> = {
  all: { label: "showAll", kinds: ["lesson", "exercise", "quiz"] },
  lessons: { label: "showLessons", kinds: ["lesson"] },
  exercises: { label: "showExercises", kinds: ["exercise"] },
  quizzes: { label: "showQuizzes", kinds: ["quiz"] },
};

type Search = Promise<{ page?: string; q?: string | string[]; show?: string }>;

export default async function MatrixPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Search }) {
  const { id } = await params;
  const search = await searchParams;
  const user = await signedInOrRedirect(`/instructor/cohorts/${id}/matrix`);
  const show = search.show && search.show in SHOW ? search.show : "all";
  const typed = typeof search.q === "string" ? search.q.slice(0, 200) : "";
  // A NUL or a broken character cannot be searched for: say so and show everyone.
  const unsearchable = textProblem(typed) !== undefined;
  const q = unsearchable ? "" : typed;
  const [matrix, t] = await Promise.all([
    orNotFound(cohortMatrix(getDb(), user, id, getCourseOutline(), { page: Number(search.page ?? 1), pageSize: DEFAULT_MATRIX_PAGE_SIZE, search: q })),
    getTranslations("instructor"),
  ]);
  const kinds = new Set(SHOW[show].kinds);
  const keep = matrix.columns.map((c) => kinds.has(c.kind));
  const columns = matrix.columns.filter((_, i) => keep[i]);
  const rows = matrix.rows.map((r) => ({ learner: r.learner, cells: r.cells.filter((_, i) => keep[i]) }));

  const href = (page: number) => {
    const p = new URLSearchParams();
    if (page > 1) p.set("page", String(page));
    if (q) p.set("q", q);
    if (show !== "all") p.set("show", show);
    const s = p.toString();
    return `/instructor/cohorts/${id}/matrix${s ? `?${s}` : ""}`;
  };
  const first = matrix.total === 0 ? 0 : (matrix.page - 1) * matrix.pageSize + 1;
  const last = Math.min(matrix.total, matrix.page * matrix.pageSize);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label={t("matrix.filterLabel")}>
          <label className="block text-sm font-medium">
            {t("roster.find")}
            <input type="search" name="q" defaultValue={q} placeholder={t("roster.searchPlaceholder")} className={`${FIELD} w-60`} />
          </label>
          <label className="block text-sm font-medium">
            {t("matrix.columns")}
            <select name="show" defaultValue={show} className={`${FIELD} w-40`}>
              {Object.entries(SHOW).map(([value, s]) => (
                <option key={value} value={value}>{t(`matrix.${s.label}`)}</option>
              ))}
            </select>
          </label>
          <button type="submit" className={BUTTON_QUIET}>{t("matrix.apply")}</button>
        </form>
        <a href={`/api/cohorts/${id}/export/matrix`} download className={`text-sm ${LINK}`} data-testid="export-matrix">{t("matrix.download")}</a>
      </div>
      {unsearchable && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {t("matrix.unsearchable")}
        </p>
      )}
      <MatrixLegend />
      {matrix.total === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">
          {q ? t("matrix.noMatch", { q }) : t("matrix.nobody")}
        </p>
      ) : (
        <>
          <ProgressMatrix columns={columns} rows={rows} cohortId={id} />
          <nav aria-label={t("matrix.pages")} className="flex flex-wrap items-center justify-between gap-3 text-sm">
            <p aria-live="polite">
              {t("matrix.range", { first, last, total: matrix.total })}
            </p>
            <div className="flex items-center gap-2">
              {matrix.page > 1 ? <Link href={href(matrix.page - 1)} className={BUTTON_QUIET} rel="prev">{t("matrix.previous")}</Link> : null}
              <span>
                {t("matrix.page", { page: matrix.page, count: matrix.pageCount })}
              </span>
              {matrix.page < matrix.pageCount ? <Link href={href(matrix.page + 1)} className={BUTTON_QUIET} rel="next">{t("matrix.next")}</Link> : null}
            </div>
          </nav>
        </>
      )}
      <MatrixKey columns={columns} />
    </div>
  );
}
