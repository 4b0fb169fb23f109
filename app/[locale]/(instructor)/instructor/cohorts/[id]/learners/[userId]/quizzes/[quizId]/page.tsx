import type { Metadata } from "next";
import { Link } from "@/i18n/navigation";
import { getDb } from "@/lib/db/client";
import { learnerQuizAnswers } from "@/lib/cohorts/dashboard";
import { getCourseOutline } from "@/lib/analytics/course-server";
import { formatMoment } from "@/components/instructor/format";
import { orNotFound, signedInOrRedirect } from "@/lib/auth/page-guard";
import { CARD } from "@/components/instructor/ui";

export const metadata: Metadata = { title: "Quiz answers" };
export const dynamic = "force-dynamic";

export default async function AnswersPage({ params }: { params: Promise<{ id: string; userId: string; quizId: string }> }) {
  const { id, userId, quizId } = await params;
  const back = `/instructor/cohorts/${id}/learners/${userId}`;
  const user = await signedInOrRedirect(`${back}/quizzes/${quizId}`);
  const { quiz, attempts } = await orNotFound(learnerQuizAnswers(getDb(), user, id, userId, quizId, getCourseOutline()));
  return (
    <div className="space-y-4" data-testid="quiz-answers">
      <p className="text-sm">
        <Link href={back} className="text-slate-500 hover:underline dark:text-slate-400">← Back to the learner</Link>
      </p>
      <h2 className="text-2xl font-semibold">{quiz.title}</h2>
      {attempts.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-300">No attempt yet.</p>}
      {attempts.map((a, n) => (
        <section key={a.id} aria-labelledby={`attempt-${a.id}`} className={CARD}>
          <h3 id={`attempt-${a.id}`} className="font-semibold">
            Attempt {attempts.length - n} · {formatMoment(a.at)} ·{" "}
            <span className={a.passed ? "text-emerald-700 dark:text-emerald-400" : "text-amber-700 dark:text-amber-400"}>
              {a.scoreText} {a.passed ? "(passed)" : `(pass mark ${quiz.passPercent}%)`}
            </span>
          </h3>
          <table className="mt-3 w-full text-sm">
            <caption className="sr-only">Answers in attempt {attempts.length - n}</caption>
            <thead className="text-left text-slate-600 dark:text-slate-300">
              <tr className="border-b border-slate-200 dark:border-slate-800">
                <th scope="col" className="w-8 py-1 font-medium">#</th>
                <th scope="col" className="py-1 pr-3 font-medium">Question</th>
                <th scope="col" className="w-1/4 py-1 pr-3 font-medium">Answer given</th>
                <th scope="col" className="w-1/4 py-1 pr-3 font-medium">Correct answer</th>
                <th scope="col" className="w-16 py-1 text-right font-medium">Credit</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top dark:divide-slate-800">
              {a.answers.map((q) => (
                <tr key={q.questionId}>
                  <td className="py-1.5 tabular-nums text-slate-500 dark:text-slate-400">{q.number ?? "–"}</td>
                  <td className="py-1.5 pr-3">{q.prompt}</td>
                  <td className={`py-1.5 pr-3 ${q.correct ? "text-emerald-700 dark:text-emerald-400" : q.credit > 0 ? "text-amber-700 dark:text-amber-400" : "text-rose-700 dark:text-rose-400"}`}>
                    {q.given}
                  </td>
                  <td className="py-1.5 pr-3">{q.correctAnswer}</td>
                  <td className="py-1.5 text-right tabular-nums">{Math.round(q.credit * 100) / 100}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
