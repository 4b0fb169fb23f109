import { getLocale, getTranslations } from "next-intl/server";
import { LocaleLink as Link } from "@/components/layout/locale-link";
import { pageTitle } from "@/components/instructor/page-title";
import { getDb } from "@/lib/db/client";
import { learnerQuizAnswers } from "@/lib/cohorts/dashboard";
import { getCourseOutline } from "@/lib/course/course-index-server";
import { formatMoment } from "@/components/instructor/format";
import { orNotFound, signedInOrRedirect } from "@/lib/auth/page-guard";
import { CARD } from "@/components/instructor/ui";
import { DataTable, RULED_HEAD, RULED_ROW, TableHead } from "@/components/ui/data-table";

export const generateMetadata = pageTitle("instructor", "meta.answers");
export const dynamic = "force-dynamic";

export default async function AnswersPage({ params }: { params: Promise<{ id: string; userId: string; quizId: string }> }) {
  const { id, userId, quizId } = await params;
  const back = `/instructor/cohorts/${id}/learners/${userId}`;
  const user = await signedInOrRedirect(`${back}/quizzes/${quizId}`);
  const [{ quiz, attempts }, t, locale] = await Promise.all([
    orNotFound(learnerQuizAnswers(getDb(), user, id, userId, quizId, getCourseOutline(await getLocale()))),
    getTranslations("instructor"),
    getLocale(),
  ]);
  return (
    <div className="space-y-4" data-testid="quiz-answers">
      <p className="text-sm">
        <Link href={back} className="text-slate-500 hover:underline dark:text-slate-400">{t("submission.back")}</Link>
      </p>
      <h2 className="text-2xl font-semibold">{quiz.title}</h2>
      {attempts.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-300">{t("answers.noAttempt")}</p>}
      {attempts.map((a, n) => (
        <section key={a.id} aria-labelledby={`attempt-${a.id}`} className={CARD}>
          <h3 id={`attempt-${a.id}`} className="font-semibold">
            {t("answers.attempt", { number: attempts.length - n, at: formatMoment(a.at, locale) })}{" "}
            <span className={a.passed ? "text-emerald-700 dark:text-emerald-400" : "text-amber-700 dark:text-amber-400"}>
              {a.scoreText} {a.passed ? t("answers.passed") : t("answers.passMark", { percent: quiz.passPercent })}
            </span>
          </h3>
          <DataTable className="mt-3 w-full text-sm" caption={t("answers.caption", { number: attempts.length - n })}>
            <TableHead
              className={RULED_HEAD}
              rowClassName={RULED_ROW}
              cell="py-1 font-medium"
              columns={[
                { label: "#", className: "w-8" },
                { label: t("answers.question"), className: "pr-3" },
                { label: t("answers.given"), className: "w-1/4 pr-3" },
                { label: t("answers.correct"), className: "w-1/4 pr-3" },
                { label: t("answers.credit"), className: "w-16 text-right" },
              ]}
            />
            <tbody className="divide-y divide-slate-100 align-top dark:divide-slate-800">
              {a.answers.map((q) => (
                <tr key={q.questionId}>
                  <td className="py-1.5 tabular-nums text-slate-500 dark:text-slate-400">{q.number ?? "–"}</td>
                  <td className="py-1.5 pr-3">{q.prompt ?? t("answers.questionGone")}</td>
                  <td className={`py-1.5 pr-3 ${q.correct ? "text-emerald-700 dark:text-emerald-400" : q.credit > 0 ? "text-amber-700 dark:text-amber-400" : "text-rose-700 dark:text-rose-400"}`}>
                    {q.given ?? t("answers.noAnswer")}
                  </td>
                  <td className="py-1.5 pr-3">{q.correctAnswer}</td>
                  <td className="py-1.5 text-right tabular-nums">{Math.round(q.credit * 100) / 100}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      ))}
    </div>
  );
}
