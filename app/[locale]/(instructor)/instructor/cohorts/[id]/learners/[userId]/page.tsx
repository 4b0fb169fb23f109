import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { LocaleLink as Link } from "@/components/layout/locale-link";
import { pageTitle } from "@/components/instructor/page-title";
import type { Translator } from "@/lib/grading/messages";
import { recordedResultWords } from "@/lib/grading/recorded-words";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { learnerOverview } from "@/lib/cohorts/dashboard";
import { getCourseOutline } from "@/lib/course/course-index-server";
import type { TimelineEvent } from "@/lib/analytics/learner";
import { compactScore } from "@/lib/analytics/matrix";
import { ProgressBar } from "@/components/dashboard/progress-bar";
import { formatDay, formatMoment } from "@/components/instructor/format";
import { cohortForPage, orNotFound, signedInOrRedirect } from "@/lib/auth/page-guard";
import { RemoveLearnerButton } from "@/components/instructor/remove-learner-button";
import { CARD, LINK } from "@/components/instructor/ui";

export const generateMetadata = pageTitle("instructor", "meta.learner");
export const dynamic = "force-dynamic";

type Translate = Awaited<ReturnType<typeof getTranslations<"instructor">>>;
type Tone = "good" | "bad" | "plain";
type RunEvent = Extract<TimelineEvent, { kind: "exercise-run" }>;

function describe(event: TimelineEvent, t: Translate, words: Map<string, Translator>): { text: string; tone: Tone } {
  const title = event.kind === "joined" ? "" : event.title;
  switch (event.kind) {
    case "joined":
      return { text: t("timeline.joined"), tone: "plain" };
    case "lesson-started":
      return { text: t("timeline.lessonStarted", { title }), tone: "plain" };
    case "lesson-completed":
      return { text: t("timeline.lessonCompleted", { title }), tone: "good" };
    case "exercise-run":
      return describeRun(event, t, words.get(event.exercise));
    case "hint-viewed":
      return { text: t("timeline.hintViewed", { hint: event.hint, title }), tone: "plain" };
    case "solution-viewed":
      return { text: t("timeline.solutionViewed", { title }), tone: "plain" };
    case "quiz-attempt": {
      const score = compactScore(event.score, event.maxScore);
      return { text: t(event.passed ? "timeline.quizPassed" : "timeline.quizBelow", { title, score }), tone: event.passed ? "good" : "bad" };
    }
  }
}

/** A run as the server verified it; the browser's claim is mentioned only when it differs. */
function describeRun(event: RunEvent, t: Translate, words: Translator | undefined): { text: string; tone: Tone } {
  const title = event.title;
  if (event.status === "pending") return { text: t("timeline.runPending", { title }), tone: "plain" };
  if (event.status === "error") return { text: t("timeline.runError", { title }), tone: "bad" };
  if (event.status === "verified_pass") return { text: t("timeline.runPassed", { title, total: event.testsTotal }), tone: "good" };
  const counts = { title, passed: event.testsPassed, total: event.testsTotal };
  const ran = t(event.claimedPassed ? "timeline.runFailedClaimed" : "timeline.runFailed", counts);
  const failing = event.failingTest ? t("timeline.firstFailure", { test: words?.testName(event.failingTest) ?? event.failingTest }) : "";
  return { text: `${ran}${failing}`, tone: "bad" };
}

const DOT = { good: "bg-emerald-500", bad: "bg-rose-500", plain: "bg-slate-400" } as const;
const PASSED = "text-emerald-700 dark:text-emerald-400";

/** An exercise or quiz the learner has tried: its title (a link to their work for who may read it), then how it went. */
function WorkItem({ title, href, tone, children }: { title: string; href: string | null; tone: string; children: ReactNode }) {
  return (
    <li>
      {href ? <Link href={href} className={LINK}>{title}</Link> : title}{" "}
      <span className={tone}>{children}</span>
    </li>
  );
}

export default async function LearnerPage({ params }: { params: Promise<{ id: string; userId: string }> }) {
  const { id, userId } = await params;
  const base = `/instructor/cohorts/${id}`;
  const user = await signedInOrRedirect(`${base}/learners/${userId}`);
  const db = getDb();
  const [overview, cohort, t, locale] = await Promise.all([
    orNotFound(learnerOverview(db, user, id, userId, getCourseOutline(await getLocale()))),
    cohortForPage(user, id),
    getTranslations("instructor"),
    getLocale(),
  ]);
  const runIds = [...new Set(overview.timeline.flatMap((e) => (e.kind === "exercise-run" ? [e.exercise] : [])))];
  const words = new Map(await Promise.all(runIds.map(async (exerciseId) => [exerciseId, await recordedResultWords(exerciseId, locale)] as const)));
  const seeCode = can(user.role, "read:submission:cohort");
  const { learner, completion } = overview;

  return (
    <div className="space-y-6" data-testid="learner-page">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 className="text-2xl font-semibold" data-testid="learner-name">{learner.name}</h2>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            {t("learner.summary", {
              email: learner.email,
              track: t(learner.track === "BUILDER" ? "roster.builderTrack" : "roster.conceptTrack"),
              day: formatDay(overview.joinedAt, locale),
            })}
          </p>
        </div>
        {cohort.teaches && <RemoveLearnerButton cohortId={id} learnerId={learner.id} name={learner.name} />}
      </div>

      <div className="grid gap-4 md:grid-cols-3">
        <section className={CARD} aria-labelledby="completion-heading">
          <h3 id="completion-heading" className="text-sm font-semibold text-slate-600 dark:text-slate-300">{t("learner.completion")}</h3>
          <p className="mt-1 text-3xl font-bold">{completion.percent}%</p>
          <div className="mt-2">
            <ProgressBar done={completion.done} total={completion.total} label={t("roster.completionLabel", { name: learner.name })} />
          </div>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
            {t("learner.completionDetail", {
              lessonsDone: completion.lessonsDone,
              lessonsTotal: completion.lessonsTotal,
              exercisesPassed: completion.exercisesPassed,
              quizzesPassed: completion.quizzesPassed,
              quizzesTotal: completion.quizzesTotal,
            })}
          </p>
        </section>

        <section className={`${CARD} md:col-span-2`} aria-labelledby="exercises-heading">
          <h3 id="exercises-heading" className="text-sm font-semibold text-slate-600 dark:text-slate-300">{t("learner.work")}</h3>
          <ul className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
            {overview.exercises
              .filter((e) => e.attempts > 0)
              .map((e) => (
                <WorkItem key={e.id} title={e.title} href={seeCode ? `${base}/learners/${userId}/exercises/${e.id}` : null} tone={e.passed ? PASSED : "text-rose-700 dark:text-rose-400"}>
                  {e.passed
                    ? t("learner.exercisePassed", { runs: t("units.runs", { count: e.attempts }) })
                    : t("learner.exerciseNotPassed", { runs: t("units.runs", { count: e.attempts }), best: e.bestPassed, total: e.testsTotal })}
                </WorkItem>
              ))}
            {overview.quizzes
              .filter((q) => q.attempts > 0)
              .map((q) => (
                <WorkItem key={q.id} title={q.title} href={seeCode ? `${base}/learners/${userId}/quizzes/${q.id}` : null} tone={q.passed ? PASSED : "text-amber-700 dark:text-amber-400"}>
                  {t("learner.quizScores", { first: q.first ?? "", best: q.best ?? "", attempts: t("units.attempts", { count: q.attempts }) })}
                </WorkItem>
              ))}
          </ul>
          {overview.exercises.every((e) => e.attempts === 0) && overview.quizzes.every((q) => q.attempts === 0) && (
            <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">{t("learner.nothingYet")}</p>
          )}
        </section>
      </div>

      <section aria-labelledby="timeline-heading">
        <h3 id="timeline-heading" className="text-lg font-semibold">{t("learner.timeline")}</h3>
        <ol className="mt-3 space-y-2 border-l border-slate-200 pl-4 text-sm dark:border-slate-800" data-testid="timeline">
          {overview.timeline.map((event, i) => {
            const { text, tone } = describe(event, t, words);
            return (
              <li key={i} className="relative">
                <span aria-hidden="true" className={`absolute -left-[21px] top-1.5 h-2.5 w-2.5 rounded-full ${DOT[tone]}`} />
                <time dateTime={new Date(event.at).toISOString()} className="mr-2 text-slate-500 dark:text-slate-400">{formatMoment(event.at, locale)}</time>
                {text}
              </li>
            );
          })}
        </ol>
        {overview.truncated && <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">{t("learner.olderHidden")}</p>}
      </section>
    </div>
  );
}
