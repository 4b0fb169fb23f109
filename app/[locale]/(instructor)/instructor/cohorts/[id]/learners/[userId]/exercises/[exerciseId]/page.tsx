import { getLocale, getTranslations } from "next-intl/server";
import { LocaleLink as Link } from "@/components/layout/locale-link";
import { pageTitle } from "@/components/instructor/page-title";
import { recordedResultWords } from "@/lib/grading/recorded-words";
import { getDb } from "@/lib/db/client";
import { learnerSubmission } from "@/lib/cohorts/dashboard";
import { getCourseOutline } from "@/lib/course/course-index-server";
import { formatMoment } from "@/components/instructor/format";
import { orNotFound, signedInOrRedirect } from "@/lib/auth/page-guard";
import { CARD } from "@/components/instructor/ui";

export const generateMetadata = pageTitle("instructor", "meta.submission");
export const dynamic = "force-dynamic";

/** Each result status: its word's key in instructor.submission, and its colour. */
const STATUS = {
  pass: { text: "pass", className: "text-emerald-700 dark:text-emerald-400" },
  fail: { text: "fail", className: "text-rose-700 dark:text-rose-400" },
  error: { text: "error", className: "text-rose-700 dark:text-rose-400" },
} as const;

export default async function SubmissionPage({ params }: { params: Promise<{ id: string; userId: string; exerciseId: string }> }) {
  const { id, userId, exerciseId } = await params;
  const back = `/instructor/cohorts/${id}/learners/${userId}`;
  const user = await signedInOrRedirect(`${back}/exercises/${exerciseId}`);
  const [s, t, locale] = await Promise.all([
    orNotFound(learnerSubmission(getDb(), user, id, userId, exerciseId, getCourseOutline(await getLocale()))),
    getTranslations("instructor"),
    getLocale(),
  ]);
  const words = await recordedResultWords(exerciseId, locale);
  return (
    <div className="space-y-4" data-testid="submission">
      <p className="text-sm">
        <Link href={back} className="text-slate-500 hover:underline dark:text-slate-400">{t("submission.back")}</Link>
      </p>
      <h2 className="text-2xl font-semibold">{s.exercise.title}</h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {t("submission.latest", { runs: t("units.runs", { count: s.runs }), at: formatMoment(s.at, locale) })}{" "}
        <strong className={s.passed ? "text-emerald-700 dark:text-emerald-400" : "text-rose-700 dark:text-rose-400"}>
          {t("submission.testsPassed", { passed: s.testsPassed, total: s.testsTotal })}
        </strong>
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="code-heading" className={CARD}>
          <h3 id="code-heading" className="text-sm font-semibold text-slate-600 dark:text-slate-300">{t("submission.code")}</h3>
          <pre className="mt-2 max-h-[70vh] overflow-auto rounded bg-slate-950 p-3 text-xs leading-relaxed text-slate-100" tabIndex={0} aria-label={t("submission.codeLabel")}>
            <code>{s.code}</code>
          </pre>
        </section>
        <section aria-labelledby="results-heading" className={CARD}>
          <h3 id="results-heading" className="text-sm font-semibold text-slate-600 dark:text-slate-300">{t("submission.results")}</h3>
          <ol className="mt-2 space-y-3 text-sm">
            {s.results.map((r, i) => (
              <li key={i}>
                <span className={`font-medium ${STATUS[r.status].className}`}>{t(`submission.${STATUS[r.status].text}`)}</span> {words.testName(r.name)}
                {r.message && <p className="mt-1 whitespace-pre-wrap text-slate-700 dark:text-slate-300">{words.specText(r.message)}{r.line ? t("submission.line", { line: r.line }) : ""}</p>}
                {(r.expected || r.actual) && (
                  <dl className="mt-1 grid grid-cols-[5rem_1fr] gap-x-2 font-mono text-xs">
                    {r.expected && (<><dt className="text-slate-500 dark:text-slate-400">{t("submission.expected")}</dt><dd className="whitespace-pre-wrap">{r.expected}</dd></>)}
                    {r.actual && (<><dt className="text-slate-500 dark:text-slate-400">{t("submission.actual")}</dt><dd className="whitespace-pre-wrap">{r.actual}</dd></>)}
                  </dl>
                )}
                {r.output && r.output.length > 0 && <pre className="mt-1 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-900">{r.output.join("\n")}</pre>}
              </li>
            ))}
          </ol>
          {s.results.length === 0 && <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">{t("submission.noResults")}</p>}
        </section>
      </div>
    </div>
  );
}
