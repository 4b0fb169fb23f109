import { getLocale, getTranslations } from "next-intl/server";
import { pageTitle } from "@/components/instructor/page-title";
import { reasonOf } from "@/lib/quiz/item-analysis";
import { describePolicy } from "@/lib/quiz/review-words";
import type { Locale } from "@/lib/i18n/locales";
import { getDb } from "@/lib/db/client";
import { cohortItemAnalysis } from "@/lib/cohorts/dashboard";
import { getCourseOutline } from "@/lib/course/course-index-server";
import { formatPercent } from "@/components/instructor/format";
import { orNotFound, signedInOrRedirect } from "@/lib/auth/page-guard";
import { CARD } from "@/components/instructor/ui";
import { DataTable, RULED_ROW, RULED_HEAD, TableHead } from "@/components/ui/data-table";
import { QuizReviewForm } from "@/components/instructor/quiz-review-form";
import { getCohortDetails } from "@/lib/cohorts/cohorts";
import { listQuizReviews } from "@/lib/cohorts/quiz-review";

export const generateMetadata = pageTitle("instructor", "meta.quizzes");
export const dynamic = "force-dynamic";

const signed = (x: number) => (x >= 0 ? `+${x.toFixed(2)}` : `−${Math.abs(x).toFixed(2)}`);

export default async function QuizzesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await signedInOrRedirect(`/instructor/cohorts/${id}/quizzes`);
  const db = getDb();
  const quizzes = await orNotFound(cohortItemAnalysis(db, user, id, getCourseOutline(await getLocale())));
  const [cohort, reviews] = await Promise.all([orNotFound(getCohortDetails(db, user, id)), orNotFound(listQuizReviews(db, user, id, quizzes.map((q) => q.id)))]);
  const reviewOf = new Map(reviews.map((r) => [r.quizId, r]));
  const [t, locale] = await Promise.all([getTranslations("instructor"), getLocale()]);
  const note = (text: string | undefined) => {
    const code = reasonOf(text);
    return code ? t(`quizzes.note.${code}`) : text;
  };
  const threshold = quizzes[0]?.threshold ?? 0.2;
  return (
    <section aria-labelledby="items-heading" className="space-y-6">
      <div>
        <h2 id="items-heading" className="text-xl font-semibold">{t("quizzes.heading")}</h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-300">
          {t.rich("quizzes.lead", { threshold, b: (chunks) => <strong>{chunks}</strong> })}
        </p>
      </div>
      {quizzes.map((quiz) => {
        const flagged = quiz.questions.filter((q) => q.lowDiscrimination).length;
        return (
          <section key={quiz.id} aria-labelledby={`quiz-${quiz.id}`} className={CARD} data-testid="quiz-items" data-quiz={quiz.id}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 id={`quiz-${quiz.id}`} className="text-lg font-semibold">{quiz.title}</h3>
              <p className="text-sm text-slate-600 dark:text-slate-300">
                {quiz.learners === 0
                  ? t("quizzes.noAttempts")
                  : t("quizzes.summary", {
                      learners: t("units.learners", { count: quiz.learners }),
                      mean: quiz.meanPercent ?? "—",
                      best: quiz.bestMeanPercent ?? "—",
                      flagged: t("units.questions", { count: flagged }),
                    })}
              </p>
            </div>
            {cohort.teaches ? (
              <QuizReviewForm cohortId={id} review={reviewOf.get(quiz.id)!} />
            ) : (
              <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{describePolicy(reviewOf.get(quiz.id)!, locale as Locale)}</p>
            )}
            {quiz.learners > 0 && (
              <DataTable frame="mt-3 overflow-x-auto" className="w-full min-w-[720px] text-sm" caption={t("quizzes.caption", { title: quiz.title })}>
                <TableHead
                  className={RULED_HEAD}
                  rowClassName={RULED_ROW}
                  cell="py-2 font-medium"
                  columns={[
                    { label: "#", className: "w-10 pr-2" },
                    { label: t("quizzes.question"), className: "pr-4" },
                    { label: t("quizzes.facility"), className: "w-24 pr-4 text-right" },
                    { label: t("quizzes.bestAttempts"), className: "w-28 pr-4 text-right" },
                    { label: t("quizzes.discrimination"), className: "w-56" },
                  ]}
                />
                <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                  {quiz.questions.map((q) => (
                    <tr key={q.questionId} data-flagged={q.lowDiscrimination ? "true" : "false"} className={q.lowDiscrimination ? "bg-amber-50 dark:bg-amber-950/30" : ""}>
                      <td className="py-2 pr-2 tabular-nums text-slate-500 dark:text-slate-400">{q.number}</td>
                      <td className="py-2 pr-4">{q.prompt}</td>
                      <td className="py-2 pr-4 text-right tabular-nums">{formatPercent(q.facility)}</td>
                      <td className="py-2 pr-4 text-right tabular-nums" data-testid="best-facility">{formatPercent(q.bestFacility)}</td>
                      <td className="py-2">
                        {q.discrimination === null ? (
                          <span className="text-slate-500 dark:text-slate-400">
                            — <span className="text-xs">({note(q.note)})</span>
                          </span>
                        ) : (
                          <span className="tabular-nums">
                            {signed(q.discrimination)}
                            {q.lowDiscrimination && (
                              <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-medium text-amber-950 dark:bg-amber-700 dark:text-white">
                                {t("quizzes.flagged", { threshold })}
                              </span>
                            )}
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            )}
          </section>
        );
      })}
    </section>
  );
}
