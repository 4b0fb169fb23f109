import type { Metadata } from "next";
import { getDb } from "@/lib/db/client";
import { cohortExerciseAnalytics } from "@/lib/cohorts/dashboard";
import { getCourseOutline } from "@/lib/analytics/course-server";
import { formatDuration } from "@/lib/analytics/exercises";
import { ProgressBar } from "@/components/dashboard/progress-bar";
import { formatPercent, plural } from "@/components/instructor/format";
import { orNotFound, signedInOrRedirect } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Exercise analytics" };
export const dynamic = "force-dynamic";

const median = (value: number | null) => (value === null ? "—" : String(Math.round(value * 10) / 10));

export default async function ExercisesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await signedInOrRedirect(`/instructor/cohorts/${id}/exercises`);
  const stats = await orNotFound(cohortExerciseAnalytics(getDb(), user, id, getCourseOutline()));
  return (
    <section aria-labelledby="exercises-heading">
      <h2 id="exercises-heading" className="text-xl font-semibold">Coding exercises</h2>
      <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-300">
        Pass rate is the share of learners who tried an exercise and passed every test. Medians are over the learners who passed: runs up to and including the
        first passing one, and the time from their first run to that pass. The most common failing test is the first failing test of failed runs, ranked by
        how many learners it stopped.
      </p>
      <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
        <table className="w-full min-w-[880px] text-sm" data-testid="exercise-analytics">
          <caption className="sr-only">Per exercise: learners who tried it, pass rate, median runs and time to pass, most common failing test.</caption>
          <thead className="bg-slate-50 text-left text-slate-700 dark:bg-slate-900 dark:text-slate-200">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Exercise</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Tried</th>
              <th scope="col" className="w-48 px-3 py-2 font-medium">Pass rate</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Median runs to pass</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Median time to pass</th>
              <th scope="col" className="px-3 py-2 font-medium">Most common failing test</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {stats.map((s) => (
              <tr key={s.id} data-testid="exercise-row" data-exercise={s.id}>
                <th scope="row" className="px-3 py-2 text-left font-medium">{s.title}</th>
                <td className="px-3 py-2 text-right tabular-nums">
                  {s.attempted} <span className="text-slate-500 dark:text-slate-400">of {s.learners}</span>
                </td>
                <td className="px-3 py-2">
                  {s.passRate === null ? (
                    <span className="text-slate-500 dark:text-slate-400">nobody tried yet</span>
                  ) : (
                    <div className="flex items-center gap-2">
                      <span className="w-12 text-right tabular-nums" data-testid="pass-rate">{formatPercent(s.passRate)}</span>
                      <ProgressBar done={s.passed} total={s.attempted} label={`${s.title}: learners who passed, of those who tried`} />
                    </div>
                  )}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{median(s.medianAttemptsToPass)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatDuration(s.medianSecondsToPass)}</td>
                <td className="px-3 py-2">
                  {s.commonFailure ? (
                    <>
                      <span className="font-mono text-xs">{s.commonFailure.test}</span>
                      <span className="block text-xs text-slate-500 dark:text-slate-400">
                        {plural(s.commonFailure.learners, "learner")}, {plural(s.commonFailure.runs, "failed run")}
                      </span>
                    </>
                  ) : (
                    <span className="text-slate-500 dark:text-slate-400">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
