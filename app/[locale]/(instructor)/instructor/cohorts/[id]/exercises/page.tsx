import { getLocale, getTranslations } from "next-intl/server";
import { pageTitle } from "@/components/instructor/page-title";
import { getDb } from "@/lib/db/client";
import { cohortExerciseAnalytics } from "@/lib/cohorts/dashboard";
import { getCourseOutline } from "@/lib/course/course-index-server";
import { ProgressBar } from "@/components/dashboard/progress-bar";
import { formatDuration, formatPercent } from "@/components/instructor/format";
import { orNotFound, signedInOrRedirect } from "@/lib/auth/page-guard";
import { recordedResultWords } from "@/lib/grading/recorded-words";
import { DataTable, HEAD_BAND, TABLE_FRAME, TableHead } from "@/components/ui/data-table";

export const generateMetadata = pageTitle("instructor", "meta.exercises");
export const dynamic = "force-dynamic";

const median = (value: number | null) => (value === null ? "—" : String(Math.round(value * 10) / 10));

export default async function ExercisesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await signedInOrRedirect(`/instructor/cohorts/${id}/exercises`);
  const [stats, t, locale] = await Promise.all([
    orNotFound(cohortExerciseAnalytics(getDb(), user, id, getCourseOutline(await getLocale()))),
    getTranslations("instructor"),
    getLocale(),
  ]);
  // Failing tests are recorded by their names in the learner's language: worded again in this page's.
  const words = new Map(await Promise.all(stats.map(async (s) => [s.id, await recordedResultWords(s.id, locale)] as const)));
  return (
    <section aria-labelledby="exercises-heading">
      <h2 id="exercises-heading" className="text-xl font-semibold">{t("exercises.heading")}</h2>
      <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-300">
        {t("exercises.lead")}
      </p>
      <DataTable frame={TABLE_FRAME} className="w-full min-w-[880px] text-sm" testId="exercise-analytics" caption={t("exercises.caption")}>
        <TableHead
          className={HEAD_BAND}
          cell="px-3 py-2 font-medium"
          columns={[
            { label: t("exercises.exercise") },
            { label: t("exercises.tried"), className: "text-right" },
            { label: t("exercises.passRate"), className: "w-48" },
            { label: t("exercises.medianRuns"), className: "text-right" },
            { label: t("exercises.medianTime"), className: "text-right" },
            { label: t("exercises.commonFailure") },
          ]}
        />
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {stats.map((s) => (
            <tr key={s.id} data-testid="exercise-row" data-exercise={s.id}>
              <th scope="row" className="px-3 py-2 text-left font-medium">{s.title}</th>
              <td className="px-3 py-2 text-right tabular-nums">
                {s.attempted} <span className="text-slate-500 dark:text-slate-400">{t("exercises.ofLearners", { count: s.learners })}</span>
              </td>
              <td className="px-3 py-2">
                {s.passRate === null ? (
                  <span className="text-slate-500 dark:text-slate-400">{t("exercises.nobodyTried")}</span>
                ) : (
                  <div className="flex items-center gap-2">
                    <span className="w-12 text-right tabular-nums" data-testid="pass-rate">{formatPercent(s.passRate)}</span>
                    <ProgressBar done={s.passed} total={s.attempted} label={t("exercises.passedLabel", { title: s.title })} />
                  </div>
                )}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{median(s.medianAttemptsToPass)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatDuration(s.medianSecondsToPass, locale)}</td>
              <td className="px-3 py-2">
                {s.commonFailure ? (
                  <>
                    <span className="font-mono text-xs">{words.get(s.id)?.testName(s.commonFailure.test) ?? s.commonFailure.test}</span>
                    <span className="block text-xs text-slate-500 dark:text-slate-400">
                      {t("exercises.failureDetail", {
                        learners: t("units.learners", { count: s.commonFailure.learners }),
                        runs: t("units.failedRuns", { count: s.commonFailure.runs }),
                      })}
                    </span>
                  </>
                ) : (
                  <span className="text-slate-500 dark:text-slate-400">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </section>
  );
}
