import { getLocale, getTranslations } from "next-intl/server";
import { LocaleLink as Link } from "@/components/layout/locale-link";
import { pageTitle } from "@/components/instructor/page-title";
import { getDb } from "@/lib/db/client";
import { hasJoinCode } from "@/lib/cohorts/cohorts";
import { cohortOverview } from "@/lib/cohorts/dashboard";
import { getCourseOutline } from "@/lib/course/course-index-server";
import { INACTIVE_DAYS, STUCK_RUNS } from "@/lib/analytics/attention";
import { BarChart } from "@/components/charts/bar-chart";
import { ChartFrame } from "@/components/charts/chart-frame";
import { LineChart } from "@/components/charts/line-chart";
import { formatAgo, formatDay } from "@/components/instructor/format";
import { JoinPanel } from "@/components/instructor/join-panel";
import { cohortForPage, orNotFound, signedInOrRedirect } from "@/lib/auth/page-guard";
import { RosterTable, type RosterItem } from "@/components/instructor/roster-table";
import { CARD, LINK } from "@/components/instructor/ui";

export const generateMetadata = pageTitle("instructor", "meta.overview");
export const dynamic = "force-dynamic";

/** "12 Mar" from "12 Mar 2026", "3月12日" from "2026年3月12日": the axis labels' short form. */
const withoutYear = (day: string) => day.replace(/ \d{4}$/, "").replace(/^\d{4}年/, "");

export default async function CohortOverviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await signedInOrRedirect(`/instructor/cohorts/${id}`);
  const db = getDb();
  const outline = getCourseOutline(await getLocale());
  const now = new Date();
  const [cohort, overview, t, locale] = await Promise.all([
    cohortForPage(user, id),
    orNotFound(cohortOverview(db, user, id, outline, now)),
    getTranslations("instructor"),
    getLocale(),
  ]);
  const day = (at: Date | string | number) => formatDay(at, locale);
  const exerciseTitle = new Map(outline.exercises.map((e) => [e.id, e.title]));
  const inactiveIds = new Set(overview.attention.inactive.map((l) => l.id));
  const stuckIds = new Set(overview.attention.stuck.map((l) => l.id));

  const rows: RosterItem[] = overview.roster.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    track: r.track,
    lastActivity: r.lastActivity?.getTime() ?? null,
    percent: r.completion.percent,
    done: r.completion.done,
    total: r.completion.total,
    lessonsDone: r.completion.lessonsDone,
    lessonsTotal: r.completion.lessonsTotal,
    exercisesPassed: r.completion.exercisesPassed,
    exercisesTotal: r.completion.exercisesTotal,
    quizzesTaken: r.completion.quizzesTaken,
    averageQuizPercent: r.completion.averageQuizPercent,
    inactive: inactiveIds.has(r.id),
    stuck: stuckIds.has(r.id),
    capstone: r.capstone ? { runs: r.capstone.runs, bestValidationLoss: r.capstone.bestValidationLoss, mostPiecesYours: r.capstone.mostPiecesYours } : null,
  }));

  const distribution = overview.distribution.map((b) => ({ label: b.label, value: b.count }));
  const finished = overview.distribution[overview.distribution.length - 1].count;
  const notStarted = overview.distribution[0].count;
  const activity = overview.activity.map((d) => ({ label: d.day, value: d.learners }));
  const lastWeekActive = overview.activity.slice(-7).reduce((max, d) => Math.max(max, d.learners), 0);
  const base = `/instructor/cohorts/${id}`;
  const noLearners = overview.roster.length === 0;

  return (
    <div className="space-y-8">
      <div className="grid items-start gap-4 lg:grid-cols-2">
        {hasJoinCode(cohort) ? <JoinPanel cohort={cohort} /> : <div />}
        <section aria-labelledby="attention-heading" className={CARD} data-testid="needs-attention">
          <h2 id="attention-heading" className="text-sm font-semibold text-slate-700 dark:text-slate-200">{t("attention.heading")}</h2>
          {noLearners ? (
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{t("attention.noLearners")}</p>
          ) : overview.attention.inactive.length === 0 && overview.attention.stuck.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{t("attention.nobody", { days: INACTIVE_DAYS })}</p>
          ) : (
            <div className="mt-2 space-y-3 text-sm">
              {overview.attention.inactive.length > 0 && (
                <div>
                  <h3 className="font-medium">{t("attention.inactive", { days: INACTIVE_DAYS, count: overview.attention.inactive.length })}</h3>
                  <ul className="mt-1 space-y-0.5">
                    {overview.attention.inactive.slice(0, 12).map((l) => (
                      <li key={l.id}>
                        <Link href={`${base}/learners/${l.id}`} className={LINK}>{l.name}</Link>{" "}
                        <span className="text-slate-600 dark:text-slate-300">
                          {l.lastActivity
                            ? t("attention.lastActive", { ago: formatAgo(l.lastActivity, now.getTime(), 30, locale) })
                            : t("attention.noActivitySince", { day: day(l.since) })}{" "}
                          {t("attention.daysInactive", { days: l.daysInactive })}
                        </span>
                      </li>
                    ))}
                  </ul>
                  {overview.attention.inactive.length > 12 && <p className="text-slate-500 dark:text-slate-400">{t("attention.moreInactive", { count: overview.attention.inactive.length - 12 })}</p>}
                </div>
              )}
              {overview.attention.stuck.length > 0 && (
                <div>
                  <h3 className="font-medium">{t("attention.stuck", { runs: STUCK_RUNS, count: overview.attention.stuck.length })}</h3>
                  <ul className="mt-1 space-y-0.5">
                    {overview.attention.stuck.slice(0, 12).map((s) => (
                      <li key={`${s.id}:${s.exerciseId}`}>
                        <Link href={`${base}/learners/${s.id}`} className={LINK}>{s.name}</Link>{" "}
                        <span className="text-slate-600 dark:text-slate-300">
                          {t.rich("attention.stuckOn", {
                            runs: t("units.runs", { count: s.runs }),
                            exercise: exerciseTitle.get(s.exerciseId) ?? s.exerciseId,
                            link: (chunks) => <Link href={`${base}/learners/${s.id}/exercises/${s.exerciseId}`} className="underline">{chunks}</Link>,
                          })}
                        </span>
                      </li>
                    ))}
                  </ul>
                  {overview.attention.stuck.length > 12 && <p className="text-slate-500 dark:text-slate-400">{t("attention.more", { count: overview.attention.stuck.length - 12 })}</p>}
                </div>
              )}
            </div>
          )}
        </section>
      </div>

      {noLearners ? (
        <p className={`${CARD} text-sm text-slate-600 dark:text-slate-300`} data-testid="charts-empty">
          {t("charts.empty")}
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartFrame
            id="completion-distribution"
            title={t("charts.completionTitle")}
            summary={t("charts.completionSummary", { learners: t("units.learners", { count: overview.roster.length }), finished, notStarted })}
            data={distribution}
            labelHeader={t("charts.completionHeader")}
            valueHeader={t("charts.learnersHeader")}
            tableToggle={t("charts.showTable")}
          >
            <BarChart id="completion-distribution" data={distribution} units={[t("units.learnerUnit"), t("units.learnersUnit")]} />
          </ChartFrame>
          <ChartFrame
            id="activity"
            title={t("charts.activityTitle")}
            summary={t("charts.activitySummary", { days: activity.length, most: lastWeekActive })}
            data={activity.map((d) => ({ label: day(d.label), value: d.value }))}
            labelHeader={t("charts.dayHeader")}
            valueHeader={t("charts.activeHeader")}
            tableToggle={t("charts.showTable")}
          >
            <LineChart
              id="activity"
              data={activity.map((d) => ({ label: withoutYear(day(d.label)), value: d.value }))}
              units={[t("units.activeLearnerUnit"), t("units.activeLearnersUnit")]}
            />
          </ChartFrame>
        </div>
      )}

      <section aria-labelledby="roster-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="roster-heading" className="text-xl font-semibold">{t("roster.heading")}</h2>
          <a href={`/api/cohorts/${id}/export/roster`} className={`text-sm ${LINK}`} download data-testid="export-roster">{t("roster.download")}</a>
        </div>
        <div className="mt-3">
          <RosterTable rows={rows} cohortId={id} now={now.getTime()} />
        </div>
      </section>
    </div>
  );
}
