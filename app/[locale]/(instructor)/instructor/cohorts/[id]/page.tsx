import type { Metadata } from "next";
import { Link } from "@/i18n/navigation";
import { getDb } from "@/lib/db/client";
import { hasJoinCode } from "@/lib/cohorts/cohorts";
import { cohortOverview } from "@/lib/cohorts/dashboard";
import { getCourseOutline } from "@/lib/analytics/course-server";
import { INACTIVE_DAYS, STUCK_RUNS } from "@/lib/analytics/attention";
import { BarChart } from "@/components/charts/bar-chart";
import { ChartFrame } from "@/components/charts/chart-frame";
import { LineChart } from "@/components/charts/line-chart";
import { formatAgo, formatDay, plural } from "@/components/instructor/format";
import { JoinPanel } from "@/components/instructor/join-panel";
import { cohortForPage, orNotFound, signedInOrRedirect } from "@/lib/auth/page-guard";
import { RosterTable, type RosterItem } from "@/components/instructor/roster-table";
import { CARD, LINK } from "@/components/instructor/ui";

export const metadata: Metadata = { title: "Cohort overview" };
export const dynamic = "force-dynamic";

export default async function CohortOverviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await signedInOrRedirect(`/instructor/cohorts/${id}`);
  const db = getDb();
  const outline = getCourseOutline();
  const now = new Date();
  const [cohort, overview] = await Promise.all([cohortForPage(user, id), orNotFound(cohortOverview(db, user, id, outline, now))]);
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
          <h2 id="attention-heading" className="text-sm font-semibold text-slate-700 dark:text-slate-200">Needs attention</h2>
          {noLearners ? (
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">No learners yet. They are listed here once they join with the code or link.</p>
          ) : overview.attention.inactive.length === 0 && overview.attention.stuck.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">Nobody right now: everyone has been active in the last {INACTIVE_DAYS} days, and nobody is stuck on an exercise.</p>
          ) : (
            <div className="mt-2 space-y-3 text-sm">
              {overview.attention.inactive.length > 0 && (
                <div>
                  <h3 className="font-medium">Inactive for {INACTIVE_DAYS}+ days ({overview.attention.inactive.length})</h3>
                  <ul className="mt-1 space-y-0.5">
                    {overview.attention.inactive.slice(0, 12).map((l) => (
                      <li key={l.id}>
                        <Link href={`${base}/learners/${l.id}`} className={LINK}>{l.name}</Link>{" "}
                        <span className="text-slate-600 dark:text-slate-300">
                          {l.lastActivity ? `last active ${formatAgo(l.lastActivity, now.getTime())}` : `no activity since ${formatDay(l.since)}`} ({l.daysInactive} days)
                        </span>
                      </li>
                    ))}
                  </ul>
                  {overview.attention.inactive.length > 12 && <p className="text-slate-500 dark:text-slate-400">…and {overview.attention.inactive.length - 12} more (filter the roster by “Inactive”).</p>}
                </div>
              )}
              {overview.attention.stuck.length > 0 && (
                <div>
                  <h3 className="font-medium">Stuck: {STUCK_RUNS}+ failed runs without a pass ({overview.attention.stuck.length})</h3>
                  <ul className="mt-1 space-y-0.5">
                    {overview.attention.stuck.slice(0, 12).map((s) => (
                      <li key={`${s.id}:${s.exerciseId}`}>
                        <Link href={`${base}/learners/${s.id}`} className={LINK}>{s.name}</Link>{" "}
                        <span className="text-slate-600 dark:text-slate-300">
                          {plural(s.runs, "run")} of{" "}
                          <Link href={`${base}/learners/${s.id}/exercises/${s.exerciseId}`} className="underline">{exerciseTitle.get(s.exerciseId) ?? s.exerciseId}</Link>
                        </span>
                      </li>
                    ))}
                  </ul>
                  {overview.attention.stuck.length > 12 && <p className="text-slate-500 dark:text-slate-400">…and {overview.attention.stuck.length - 12} more.</p>}
                </div>
              )}
            </div>
          )}
        </section>
      </div>

      {noLearners ? (
        <p className={`${CARD} text-sm text-slate-600 dark:text-slate-300`} data-testid="charts-empty">
          The course completion and daily activity charts appear once learners join.
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartFrame
            id="completion-distribution"
            title="Course completion"
            summary={`${plural(overview.roster.length, "learner")}: ${finished} finished the course, ${notStarted} at 0%.`}
            data={distribution}
            labelHeader="Completion"
            valueHeader="Learners"
          >
            <BarChart id="completion-distribution" data={distribution} units={["learner", "learners"]} />
          </ChartFrame>
          <ChartFrame
            id="activity"
            title="Active learners per day"
            summary={`Over the last ${activity.length} days (UTC); at most ${lastWeekActive} on one day in the last week.`}
            data={activity.map((d) => ({ label: formatDay(d.label), value: d.value }))}
            labelHeader="Day"
            valueHeader="Active learners"
          >
            <LineChart id="activity" data={activity.map((d) => ({ label: formatDay(d.label).replace(/ \d{4}$/, ""), value: d.value }))} units={["active learner", "active learners"]} />
          </ChartFrame>
        </div>
      )}

      <section aria-labelledby="roster-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="roster-heading" className="text-xl font-semibold">Roster</h2>
          <a href={`/api/cohorts/${id}/export/roster`} className={`text-sm ${LINK}`} download data-testid="export-roster">Download roster (CSV)</a>
        </div>
        <div className="mt-3">
          <RosterTable rows={rows} cohortId={id} now={now.getTime()} />
        </div>
      </section>
    </div>
  );
}
