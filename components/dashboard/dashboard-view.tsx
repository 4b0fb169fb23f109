import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { DataTable, TableHead } from "@/components/ui/data-table";
import { Stat } from "@/components/ui/stat";
import { formatScore } from "@/lib/quiz/score";
import type { ChapterSummary, DashboardSummary, QuizScoreSummary } from "@/lib/progress/summary";
import { formatAgo } from "./format";
import { ProgressBar } from "./progress-bar";
import { durationText } from "./summary-words";
import { TrackSwitch } from "./track-switch";

const CARD = "rounded-xl border border-slate-200 p-5 dark:border-slate-800";

const CONTINUE_HEADING: Record<NonNullable<DashboardSummary["continueAt"]>["reason"], string> = {
  resume: "continueResume",
  next: "continueNext",
  start: "continueStart",
  finish: "continueFinish",
};

/** The page's "dashboard" messages (the view renders on the server and, for an anonymous learner, in the browser). */
const useDashboardText = () => useTranslations("dashboard");

/**
 * The learner dashboard. Renders a summary (lib/progress/summary.ts) computed on the server from
 * the account, or in the browser from local progress (`mode="local"`, with an invitation to sign
 * up). No state of its own.
 */
export function DashboardView({ summary, mode, now }: { summary: DashboardSummary; mode: "account" | "local"; now: number }) {
  const t = useDashboardText();
  const locale = useLocale();
  return (
    <main className="mx-auto max-w-5xl px-4 py-10" data-testid="dashboard" data-mode={mode}>
      <div className="flex flex-wrap items-end justify-between gap-6">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
          <p className="mt-2 text-slate-600 dark:text-slate-300">{mode === "local" ? t("introLocal") : t("introAccount")}</p>
        </div>
        <div className="w-full sm:w-80">
          <TrackSwitch compact initialTrack={mode === "account" ? summary.track : undefined} />
        </div>
      </div>

      {mode === "local" && <SignUpInvitation started={summary.started} />}

      {summary.orphans.messages.length > 0 && (
        <p className="mt-6 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100" data-testid="orphans">
          {t("orphansNote", { list: summary.orphans.messages.join(t("orphansSeparator")), where: mode })}
        </p>
      )}

      <div className="mt-8 grid gap-4 md:grid-cols-3">
        <ContinueCard summary={summary} />
        <section aria-labelledby="overall-heading" className={CARD}>
          <h2 id="overall-heading" className="text-sm font-semibold text-slate-500 dark:text-slate-400">{t("completionHeading")}</h2>
          <p className="mt-2 text-4xl font-bold tracking-tight" data-testid="overall-percent">{summary.overall.percent}%</p>
          <div className="mt-3">
            <ProgressBar done={summary.overall.done} total={summary.overall.total} label={t("completionHeading")} valueText={t("barValue", { done: summary.overall.done, total: summary.overall.total, percent: summary.overall.percent })} size="lg" />
          </div>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
            {t("itemsDone", { done: summary.overall.done, total: summary.overall.total })}
          </p>
          <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
            <Stat label={t("statLessons")} value={`${summary.lessons.done}/${summary.lessons.total}`} testId="stat-lessons" />
            <Stat label={t("statExercises")} value={summary.exercises.counted ? `${summary.exercises.passed}/${summary.exercises.total}` : "—"} testId="stat-exercises" />
            <Stat label={t("statQuizzes")} value={`${summary.quizzes.passed}/${summary.quizzes.total}`} testId="stat-quizzes" />
          </dl>
        </section>
        <section aria-labelledby="time-heading" className={CARD}>
          <h2 id="time-heading" className="text-sm font-semibold text-slate-500 dark:text-slate-400">{t("timeHeading")}</h2>
          <p className="mt-2 text-4xl font-bold tracking-tight" data-testid="time-spent">{durationText(t, summary.timeSpentSeconds)}</p>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{t("timeNote")}</p>
        </section>
      </div>

      <section aria-labelledby="chapters-heading" className="mt-10">
        <h2 id="chapters-heading" className="text-xl font-semibold">{t("byChapter")}</h2>
        <ol className="mt-4 space-y-3">
          {summary.chapters.map((chapter) => (
            <ChapterRow key={chapter.slug} chapter={chapter} />
          ))}
        </ol>
      </section>

      <div className="mt-10 grid gap-8 lg:grid-cols-2">
        <QuizScores scores={summary.quizzes.scores} />
        <ExercisesPassed summary={summary} now={now} />
      </div>

      <section aria-labelledby="activity-heading" className="mt-10">
        <h2 id="activity-heading" className="text-xl font-semibold">{t("recentActivity")}</h2>
        {summary.recentActivity.length === 0 ? (
          <p className="mt-3 text-slate-600 dark:text-slate-300">{t("nothingYet")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800" data-testid="recent-activity">
            {summary.recentActivity.map((line, i) => (
              <li key={`${line.at}-${i}`} className="flex items-baseline justify-between gap-4 px-4 py-2.5 text-sm">
                {line.href ? (
                  <Link href={line.href} className="hover:underline">{line.text}</Link>
                ) : (
                  <span>{line.text}</span>
                )}
                <time dateTime={new Date(line.at).toISOString()} className="shrink-0 text-slate-500 dark:text-slate-400">{formatAgo(line.at, now, locale)}</time>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

function SignUpInvitation({ started }: { started: boolean }) {
  const t = useDashboardText();
  return (
    <div className="mt-6 flex flex-wrap items-center justify-between gap-4 rounded-xl border border-indigo-200 bg-indigo-50 p-5 dark:border-indigo-900 dark:bg-indigo-950/40" data-testid="sign-up-invitation">
      <div className="max-w-xl">
        <p className="font-semibold">{started ? t("invitationStarted") : t("invitationNew")}</p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{t("invitationBody")}</p>
      </div>
      <div className="flex gap-2">
        <Link href="/sign-up?callbackUrl=%2Fdashboard" className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700">{t("createAccount")}</Link>
        <Link href="/sign-in?callbackUrl=%2Fdashboard" className="rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-white dark:border-slate-700 dark:hover:bg-slate-900">{t("signIn")}</Link>
      </div>
    </div>
  );
}

function ContinueCard({ summary }: { summary: DashboardSummary }) {
  const t = useDashboardText();
  const target = summary.continueAt;
  return (
    <section aria-labelledby="continue-heading" className="rounded-xl border border-indigo-200 bg-indigo-50/60 p-5 dark:border-indigo-900 dark:bg-indigo-950/30" data-testid="continue">
      <h2 id="continue-heading" className="text-sm font-semibold text-indigo-700 dark:text-indigo-300">
        {t(target ? CONTINUE_HEADING[target.reason] : "allDone")}
      </h2>
      {target ? (
        <>
          <p className="mt-2 text-lg font-semibold leading-snug">{target.lessonTitle}</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
            {target.chapterTitle}
            {target.sectionId && <> · {target.sectionTitle ? t("atSection", { title: target.sectionTitle }) : t("whereStopped")}</>}
          </p>
          <Link href={target.href} className="mt-4 inline-block rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700" data-testid="continue-link">
            {t(target.reason === "start" ? "startReading" : target.reason === "finish" ? "openLesson" : "continueReading")} <span aria-hidden="true">→</span>
          </Link>
        </>
      ) : (
        <p className="mt-2 text-slate-700 dark:text-slate-200">{t("allDoneBody")}</p>
      )}
    </section>
  );
}

function StatusMark({ status }: { status: "not-started" | "in-progress" | "complete" }) {
  const t = useDashboardText();
  const label = t(status === "complete" ? "statusComplete" : status === "in-progress" ? "statusInProgress" : "statusNotStarted");
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      className={`grid h-4 w-4 shrink-0 place-items-center rounded-full border text-[10px] leading-none ${
        status === "complete"
          ? "border-emerald-600 bg-emerald-600 text-white"
          : status === "in-progress"
            ? "border-indigo-500 text-indigo-600 dark:text-indigo-300"
            : "border-slate-300 dark:border-slate-600"
      }`}
    >
      {status === "complete" ? "✓" : status === "in-progress" ? "•" : ""}
    </span>
  );
}

function ChapterRow({ chapter }: { chapter: ChapterSummary }) {
  const t = useDashboardText();
  return (
    <li className={CARD} data-testid={`chapter-${chapter.slug}`}>
      <div className="flex items-baseline justify-between gap-4">
        <h3 className="font-semibold">
          <span className="text-slate-500 dark:text-slate-400">{t("chapterNumbered", { number: chapter.number })}</span> {chapter.title}
        </h3>
        <span className="shrink-0 text-sm text-slate-600 dark:text-slate-300" data-testid={`chapter-${chapter.slug}-count`}>
          {chapter.done} / {chapter.total}
        </span>
      </div>
      <div className="mt-2">
        <ProgressBar
          done={chapter.done}
          total={chapter.total}
          label={t("chapterBar", { number: chapter.number, title: chapter.title })}
          valueText={t("barValue", { done: chapter.done, total: chapter.total, percent: chapter.percent })}
        />
      </div>
      <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1.5 text-sm">
        {chapter.lessons.map((lesson) => (
          <li key={lesson.slug} className={lesson.counted ? "" : "opacity-60"}>
            <Link href={lesson.href} className="flex items-center gap-1.5 hover:underline" data-testid={`dashboard-lesson-${lesson.slug}`} data-status={lesson.status}>
              <StatusMark status={lesson.status} />
              {lesson.title}
            </Link>
          </li>
        ))}
      </ul>
    </li>
  );
}

function QuizScores({ scores }: { scores: QuizScoreSummary[] }) {
  const t = useDashboardText();
  const score = (s: QuizScoreSummary["best"]) => (s ? `${formatScore(s)} (${Math.round(s.percent)}%)` : "—");
  return (
    <section aria-labelledby="quizzes-heading">
      <h2 id="quizzes-heading" className="text-xl font-semibold">{t("quizScores")}</h2>
      <DataTable frame="mt-3 overflow-x-auto rounded-xl border border-slate-200 dark:border-slate-800" className="w-full text-left text-sm" testId="quiz-scores">
        <TableHead
          className="bg-slate-50 text-slate-600 dark:bg-slate-900 dark:text-slate-300"
          cell="px-4 py-2 font-medium"
          columns={[{ label: t("columnQuiz") }, { label: t("columnBest") }, { label: t("columnLatest") }]}
        />
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {scores.map((q) => (
            <tr key={q.id} data-testid={`quiz-${q.id}`}>
              <td className="px-4 py-2">
                <Link href={q.href} className="font-medium hover:underline">{q.title}</Link>
                <span className="block text-xs text-slate-500 dark:text-slate-400">
                  {q.attempts === 0 ? t("notTaken") : t("attempts", { count: q.attempts })}
                  {q.passed && <span className="ml-2 font-medium text-emerald-700 dark:text-emerald-400">{t("quizPassed")}</span>}
                </span>
              </td>
              <td className="px-4 py-2 tabular-nums" data-testid={`quiz-${q.id}-best`}>{score(q.best)}</td>
              <td className="px-4 py-2 tabular-nums" data-testid={`quiz-${q.id}-latest`}>{score(q.latest)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">{t("quizNote")}</p>
    </section>
  );
}

function ExercisesPassed({ summary, now }: { summary: DashboardSummary; now: number }) {
  const t = useDashboardText();
  const locale = useLocale();
  const { exercises } = summary;
  return (
    <section aria-labelledby="exercises-heading">
      <h2 id="exercises-heading" className="text-xl font-semibold">{t("exercisesPassed")}</h2>
      {!exercises.counted && (
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-300">{t("conceptTrackNote", { passed: exercises.passed })}</p>
      )}
      {exercises.counted && exercises.list.length === 0 && (
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-300" data-testid="exercises-passed">
          {t("noneYet", { total: exercises.total })}
          {exercises.next && (
            <>
              {" "}
              {t.rich("firstExercise", {
                title: exercises.next.title,
                lesson: exercises.next.lessonTitle,
                link: (chunks) => (
                  <Link href={exercises.next!.href} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
                    {chunks}
                  </Link>
                ),
              })}
            </>
          )}
        </p>
      )}
      {exercises.list.length > 0 && (
        <>
          {exercises.counted && (
            <p className="mt-3 text-sm text-slate-600 dark:text-slate-300" data-testid="exercises-passed">
              {t("passedOf", { passed: exercises.passed, total: exercises.total })}
            </p>
          )}
          <ul className="mt-3 divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800" data-testid="exercises-passed-list">
            {exercises.list.map((e) => (
              <li key={e.id} className="flex items-baseline justify-between gap-4 px-4 py-2.5 text-sm">
                <Link href={e.href} className="hover:underline">✓ {e.title}</Link>
                <span className="shrink-0 text-slate-500 dark:text-slate-400">{formatAgo(e.passedAt, now, locale)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
