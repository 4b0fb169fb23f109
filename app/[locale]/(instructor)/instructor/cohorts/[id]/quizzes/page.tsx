import type { Metadata } from "next";
import { getDb } from "@/lib/db/client";
import { cohortItemAnalysis } from "@/lib/cohorts/dashboard";
import { getCourseOutline } from "@/lib/analytics/course-server";
import { formatPercent, plural } from "@/components/instructor/format";
import { orNotFound, signedInOrRedirect } from "@/lib/auth/page-guard";
import { CARD } from "@/components/instructor/ui";
import { QuizReviewForm } from "@/components/instructor/quiz-review-form";
import { getCohortDetails } from "@/lib/cohorts/cohorts";
import { listQuizReviews } from "@/lib/cohorts/quiz-review";

export const metadata: Metadata = { title: "Quiz item analysis" };
export const dynamic = "force-dynamic";

const signed = (x: number) => (x >= 0 ? `+${x.toFixed(2)}` : `−${Math.abs(x).toFixed(2)}`);

export default async function QuizzesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await signedInOrRedirect(`/instructor/cohorts/${id}/quizzes`);
  const db = getDb();
  const quizzes = await orNotFound(cohortItemAnalysis(db, user, id, getCourseOutline()));
  const [cohort, reviews] = await Promise.all([orNotFound(getCohortDetails(db, user, id)), orNotFound(listQuizReviews(db, user, id, quizzes.map((q) => q.id)))]);
  const reviewOf = new Map(reviews.map((r) => [r.quizId, r]));
  const threshold = quizzes[0]?.threshold ?? 0.2;
  return (
    <section aria-labelledby="items-heading" className="space-y-6">
      <div>
        <h2 id="items-heading" className="text-xl font-semibold">Quiz item analysis</h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-300">
          Based on each learner&apos;s first attempt (later attempts are coached by the feedback of the first, and by the correct answers once the review policy shows them); the best-attempt column gives the facility over each learner&apos;s best attempt for comparison. <strong>Facility</strong> is the share of the
          marks learners got on the question. <strong>Discrimination</strong> is the correlation between the question&apos;s score and the score on the rest
          of the quiz, as Moodle computes it: near +1, the learners who did well overall got this one right; below {threshold} (flagged) the question separates
          stronger from weaker learners poorly and may be ambiguous or mis-keyed; negative usually means a wrong answer key.
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
                  ? "No attempts yet"
                  : `${plural(quiz.learners, "learner")} · mean first score ${quiz.meanPercent}%, best ${quiz.bestMeanPercent}% · ${plural(flagged, "question")} flagged`}
              </p>
            </div>
            {cohort.teaches ? (
              <QuizReviewForm cohortId={id} review={reviewOf.get(quiz.id)!} />
            ) : (
              <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{reviewOf.get(quiz.id)?.description}</p>
            )}
            {quiz.learners > 0 && (
              <div className="mt-3 overflow-x-auto">
                <table className="w-full min-w-[720px] text-sm">
                  <caption className="sr-only">{quiz.title}: facility and discrimination per question.</caption>
                  <thead className="text-left text-slate-600 dark:text-slate-300">
                    <tr className="border-b border-slate-200 dark:border-slate-800">
                      <th scope="col" className="w-10 py-2 pr-2 font-medium">#</th>
                      <th scope="col" className="py-2 pr-4 font-medium">Question</th>
                      <th scope="col" className="w-24 py-2 pr-4 text-right font-medium">Facility</th>
                      <th scope="col" className="w-28 py-2 pr-4 text-right font-medium">Best attempts</th>
                      <th scope="col" className="w-56 py-2 font-medium">Discrimination</th>
                    </tr>
                  </thead>
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
                              — <span className="text-xs">({q.note})</span>
                            </span>
                          ) : (
                            <span className="tabular-nums">
                              {signed(q.discrimination)}
                              {q.lowDiscrimination && (
                                <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-medium text-amber-950 dark:bg-amber-700 dark:text-white">
                                  flagged: below {threshold}
                                </span>
                              )}
                            </span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
    </section>
  );
}
