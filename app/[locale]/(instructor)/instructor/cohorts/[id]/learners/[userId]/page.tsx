import type { Metadata } from "next";
import { Link } from "@/i18n/navigation";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { learnerOverview } from "@/lib/cohorts/dashboard";
import { getCourseOutline } from "@/lib/analytics/course-server";
import type { TimelineEvent } from "@/lib/analytics/learner";
import { compactScore } from "@/lib/analytics/matrix";
import { ProgressBar } from "@/components/dashboard/progress-bar";
import { formatDay, formatMoment, plural } from "@/components/instructor/format";
import { cohortForPage, orNotFound, signedInOrRedirect } from "@/lib/auth/page-guard";
import { RemoveLearnerButton } from "@/components/instructor/remove-learner-button";
import { CARD, LINK } from "@/components/instructor/ui";

export const metadata: Metadata = { title: "Learner" };
export const dynamic = "force-dynamic";

function describe(event: TimelineEvent): { text: string; tone: "good" | "bad" | "plain" } {
  switch (event.kind) {
    case "joined":
      return { text: "Joined the cohort", tone: "plain" };
    case "lesson-started":
      return { text: `Opened the lesson “${event.title}”`, tone: "plain" };
    case "lesson-completed":
      return { text: `Completed the lesson “${event.title}”`, tone: "good" };
    case "exercise-run":
      return describeRun(event);
    case "hint-viewed":
      return { text: `Asked for hint ${event.hint} of “${event.title}”`, tone: "plain" };
    case "solution-viewed":
      return { text: `Opened the reference solution of “${event.title}”`, tone: "plain" };
    case "quiz-attempt":
      return { text: `Took “${event.title}”: ${compactScore(event.score, event.maxScore)}${event.passed ? ", passed" : ", below the pass mark"}`, tone: event.passed ? "good" : "bad" };
  }
}

/** A run as the server verified it; the browser's claim is mentioned only when it differs. */
function describeRun(event: Extract<TimelineEvent, { kind: "exercise-run" }>): { text: string; tone: "good" | "bad" | "plain" } {
  const ran = `Ran “${event.title}”`;
  if (event.status === "pending") return { text: `${ran}: being checked on the server`, tone: "plain" };
  if (event.status === "error") return { text: `${ran}: the server could not check it (time or memory limit); not counted`, tone: "bad" };
  if (event.status === "verified_pass") return { text: `${ran}: all ${event.testsTotal} tests passed (verified)`, tone: "good" };
  const claim = event.claimedPassed ? " (verified fail: the browser claimed a pass)" : " (verified)";
  return {
    text: `${ran}: ${event.testsPassed}/${event.testsTotal} tests passed${claim}${event.failingTest ? `; first failure: ${event.failingTest}` : ""}`,
    tone: "bad",
  };
}

const DOT = { good: "bg-emerald-500", bad: "bg-rose-500", plain: "bg-slate-400" } as const;

export default async function LearnerPage({ params }: { params: Promise<{ id: string; userId: string }> }) {
  const { id, userId } = await params;
  const base = `/instructor/cohorts/${id}`;
  const user = await signedInOrRedirect(`${base}/learners/${userId}`);
  const db = getDb();
  const [overview, cohort] = await Promise.all([orNotFound(learnerOverview(db, user, id, userId, getCourseOutline())), cohortForPage(user, id)]);
  const seeCode = can(user.role, "read:submission:cohort");
  const { learner, completion } = overview;

  return (
    <div className="space-y-6" data-testid="learner-page">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 className="text-2xl font-semibold" data-testid="learner-name">{learner.name}</h2>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            {learner.email} · {learner.track === "BUILDER" ? "builder" : "concept"} track · joined {formatDay(overview.joinedAt)}
          </p>
        </div>
        {cohort.teaches && <RemoveLearnerButton cohortId={id} learnerId={learner.id} name={learner.name} />}
      </div>

      <div className="grid gap-4 md:grid-cols-3">
        <section className={CARD} aria-labelledby="completion-heading">
          <h3 id="completion-heading" className="text-sm font-semibold text-slate-600 dark:text-slate-300">Course completion</h3>
          <p className="mt-1 text-3xl font-bold">{completion.percent}%</p>
          <div className="mt-2">
            <ProgressBar done={completion.done} total={completion.total} label={`${learner.name}: course completion`} />
          </div>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
            {completion.lessonsDone}/{completion.lessonsTotal} lessons · {completion.exercisesPassed} exercises passed · {completion.quizzesPassed}/{completion.quizzesTotal} quizzes passed
          </p>
        </section>

        <section className={`${CARD} md:col-span-2`} aria-labelledby="exercises-heading">
          <h3 id="exercises-heading" className="text-sm font-semibold text-slate-600 dark:text-slate-300">Exercises and quizzes</h3>
          <ul className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
            {overview.exercises
              .filter((e) => e.attempts > 0)
              .map((e) => (
                <li key={e.id}>
                  {seeCode ? <Link href={`${base}/learners/${userId}/exercises/${e.id}`} className={LINK}>{e.title}</Link> : e.title}{" "}
                  <span className={e.passed ? "text-emerald-700 dark:text-emerald-400" : "text-rose-700 dark:text-rose-400"}>
                    {e.passed ? `passed (${plural(e.attempts, "run")})` : `not passed, ${plural(e.attempts, "run")}, best ${e.bestPassed}/${e.testsTotal}`}
                  </span>
                </li>
              ))}
            {overview.quizzes
              .filter((q) => q.attempts > 0)
              .map((q) => (
                <li key={q.id}>
                  {seeCode ? <Link href={`${base}/learners/${userId}/quizzes/${q.id}`} className={LINK}>{q.title}</Link> : q.title}{" "}
                  <span className={q.passed ? "text-emerald-700 dark:text-emerald-400" : "text-amber-700 dark:text-amber-400"}>
                    first {q.first}, best {q.best} ({plural(q.attempts, "attempt")})
                  </span>
                </li>
              ))}
          </ul>
          {overview.exercises.every((e) => e.attempts === 0) && overview.quizzes.every((q) => q.attempts === 0) && (
            <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">No exercise run or quiz attempt yet.</p>
          )}
        </section>
      </div>

      <section aria-labelledby="timeline-heading">
        <h3 id="timeline-heading" className="text-lg font-semibold">Timeline</h3>
        <ol className="mt-3 space-y-2 border-l border-slate-200 pl-4 text-sm dark:border-slate-800" data-testid="timeline">
          {overview.timeline.map((event, i) => {
            const { text, tone } = describe(event);
            return (
              <li key={i} className="relative">
                <span aria-hidden="true" className={`absolute -left-[21px] top-1.5 h-2.5 w-2.5 rounded-full ${DOT[tone]}`} />
                <time dateTime={new Date(event.at).toISOString()} className="mr-2 text-slate-500 dark:text-slate-400">{formatMoment(event.at)}</time>
                {text}
              </li>
            );
          })}
        </ol>
        {overview.truncated && <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">Older events are not shown.</p>}
      </section>
    </div>
  );
}
