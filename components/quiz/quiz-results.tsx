/**
 * The graded quiz: score, best and latest scores, and for every question whether it was
 * right, what the learner answered, the correct answer in words, why (option feedback
 * and the explanation), and a link to the lesson section that teaches it.
 * Presentational only; QuizView owns the state.
 */
import { Link } from "@/i18n/navigation";
import type { Ref } from "react";
import type { QuestionResult } from "@/lib/quiz/grade";
import type { ReviewedResult } from "@/lib/quiz/review";
import type { PublicQuestion, PublicQuiz } from "@/lib/quiz/public";
import { Markdown } from "./markdown";
import { useTranslations } from "next-intl";
import { focusRing, lessonLink } from "./quiz-styles";
import { formatPoints, formatScore } from "@/lib/quiz/score";
import { readableAnswer, verdict, type AnswerWords, type ReadableAnswer } from "./quiz-review-text";
import type { AttemptResponse } from "./quiz-submit";

export interface QuizResultsProps {
  /** The public quiz as it was shown in this attempt (for option texts and order). */
  quiz: PublicQuiz;
  response: AttemptResponse;
  headingRef?: Ref<HTMLHeadingElement>;
  onRetake: () => void;
}


export function QuizResults({ quiz, response, headingRef, onRetake }: QuizResultsProps) {
  const t = useTranslations("quiz");
  const byId = new Map(response.results.map((r) => [r.questionId, r]));
  return (
    <div className="space-y-4" data-testid="quiz-results">
      <div className="rounded-lg border border-slate-200 bg-slate-50 p-4 dark:border-slate-700 dark:bg-slate-900">
        <h3 ref={headingRef} tabIndex={-1} className={`text-lg font-semibold ${focusRing}`}>
          {t("resultsTitle")}
        </h3>
        <p className="mt-1 text-2xl font-bold" data-testid="quiz-score">
          {t("score", { score: formatScore(response) })}
        </p>
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="quiz-verdict">
          {t.rich("verdict", {
            percent: formatPoints(response.percent),
            pass: response.passPercent,
            passed: response.passed ? "yes" : "no",
            strong: (chunks) => <strong className={response.passed ? "text-emerald-700 dark:text-emerald-400" : "text-amber-700 dark:text-amber-400"}>{chunks}</strong>,
          })}
        </p>
        <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <div className="flex gap-1">
            <dt className="text-slate-600 dark:text-slate-400">{t("best")}</dt>
            <dd data-testid="quiz-best">{formatScore(response.best)}</dd>
          </div>
          <div className="flex gap-1">
            <dt className="text-slate-600 dark:text-slate-400">{t("latest")}</dt>
            <dd data-testid="quiz-latest">{formatScore(response.latest)}</dd>
          </div>
        </dl>
        <button
          type="button"
          onClick={onRetake}
          data-testid="retake"
          className={`mt-3 rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 dark:bg-indigo-400 dark:text-slate-950 dark:hover:bg-indigo-300 ${focusRing}`}
        >
          {t("retake")}
        </button>
        {response.review && !response.review.answersShown && (
          <p className="mt-3 text-sm text-slate-700 dark:text-slate-300" data-testid="quiz-review-policy">
            {response.review.message}
          </p>
        )}
      </div>

      <ol className="space-y-4">
        {quiz.questions.map((q, index) => {
          const r = byId.get(q.id);
          return r ? <ResultItem key={q.id} question={q} result={r} number={index + 1} /> : null;
        })}
      </ol>
    </div>
  );
}

function AnswerBlock({ label, answer, testId }: { label: string; answer: ReadableAnswer | null; testId: string }) {
  const t = useTranslations("quiz");
  return (
    <div className="mt-2 text-sm" data-testid={testId}>
      <span className="font-medium">{t("labelled", { label })}</span>
      {answer === null ? (
        <span className="italic text-slate-600 dark:text-slate-400">{t("noAnswer")}</span>
      ) : answer.lines.length === 1 && !answer.ordered ? (
        <Markdown text={answer.lines[0]} inline />
      ) : (
        <AnswerLines lines={answer.lines} ordered={answer.ordered} />
      )}
    </div>
  );
}

/** An answer of several lines: numbered when their order is the answer (an ordering question). */
function AnswerLines({ lines, ordered }: { lines: string[]; ordered: boolean }) {
  const List = ordered ? "ol" : "ul";
  return (
    <List className={`ml-6 ${ordered ? "list-decimal" : "list-disc"}`}>
      {lines.map((line, k) => (
        <li key={k}>
          <Markdown text={line} inline />
        </li>
      ))}
    </List>
  );
}

/** Feedback on the options the learner picked and the right ones they missed. */
function OptionFeedback({ question, result }: { question: PublicQuestion; result: QuestionResult }) {
  if ((result.type !== "single" && result.type !== "multiple") || (question.type !== "single" && question.type !== "multiple")) return null;
  const chosen = result.type === "single" ? (result.given === null ? [] : [result.given]) : (result.given ?? []);
  const correct = result.type === "single" ? [result.correctAnswer] : result.correctAnswer;
  const shown = question.options.filter((o) => result.optionFeedback[o.id] !== undefined && (chosen.includes(o.id) || correct.includes(o.id)));
  if (shown.length === 0) return null;
  return (
    <ul className="mt-2 space-y-1 text-sm" data-testid={`feedback-${question.id}`}>
      {shown.map((o) => (
        <li key={o.id}>
          <span className="font-medium">
            <Markdown text={o.text} inline />
            {chosen.includes(o.id) ? " (your answer)" : " (correct answer)"}:
          </span>{" "}
          <Markdown text={result.optionFeedback[o.id]} inline />
        </li>
      ))}
    </ul>
  );
}

/** The answer words of readableAnswer, in the page's language. */
function answerWords(t: ReturnType<typeof useTranslations<"quiz">>): AnswerWords {
  return { true: t("true"), false: t("false"), noAnswer: t("noAnswer"), alsoAccepted: (answer, others) => t("alsoAccepted", { answer, others }) };
}

/** "Question 3", the verdict badge (coloured by `badge`), and the prompt. */
function ResultHeading({ question: q, result: r, number, badge }: { question: PublicQuestion; result: ReviewedResult; number: number; badge: string }) {
  const t = useTranslations("quiz");
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{t("questionNumber", { n: number })}</span>
        <span className={`rounded px-2 py-0.5 text-sm font-semibold ${badge}`} data-testid={`verdict-${q.id}`}>
          {verdict(r, { correct: t("verdictCorrect"), incorrect: t("verdictIncorrect"), partly: (credit) => t("verdictPartly", { credit }) })}
        </span>
      </div>
      <Markdown text={q.prompt} className="mt-1 font-medium" />
    </>
  );
}

/** A question whose correct answer the review policy still holds back: the learner's answer and the credit only. */
function WithheldItem({ question: q, result: r, number }: { question: PublicQuestion; result: ReviewedResult; number: number }) {
  const t = useTranslations("quiz");
  return (
    <li className="rounded-lg border-2 border-slate-300 bg-white p-4 dark:border-slate-700 dark:bg-slate-900" data-testid={`result-${q.id}`} data-correct={false} data-withheld="true">
      <ResultHeading question={q} result={r} number={number} badge="bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200" />
      <AnswerBlock label={t("yourAnswer")} answer={readableAnswer(q, r as QuestionResult, "given", answerWords(t))} testId={`given-${q.id}`} />
      <Link href={r.section} className={lessonLink}>
        {t("review")}
      </Link>
    </li>
  );
}

function ResultItem({ question: q, result: r, number }: { question: PublicQuestion; result: ReviewedResult; number: number }) {
  const t = useTranslations("quiz");
  if ("withheld" in r) return <WithheldItem question={q} result={r} number={number} />;
  const tone = r.correct
    ? "border-emerald-300 dark:border-emerald-800"
    : r.credit > 0
      ? "border-amber-300 dark:border-amber-800"
      : "border-red-300 dark:border-red-800";
  const badge = r.correct
    ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300"
    : r.credit > 0
      ? "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300"
      : "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300";
  return (
    <li className={`rounded-lg border-2 bg-white p-4 dark:bg-slate-900 ${tone}`} data-testid={`result-${q.id}`} data-correct={r.correct}>
      <ResultHeading question={q} result={r} number={number} badge={badge} />
      <AnswerBlock label={t("yourAnswer")} answer={readableAnswer(q, r, "given", answerWords(t))} testId={`given-${q.id}`} />
      {!r.correct && <AnswerBlock label={t("correctAnswerLabel")} answer={readableAnswer(q, r, "correct", answerWords(t))} testId={`correct-${q.id}`} />}
      <OptionFeedback question={q} result={r} />
      <div className="mt-3 border-t border-slate-200 pt-3 text-sm text-slate-800 dark:border-slate-700 dark:text-slate-200">
        <span className="sr-only">{t("explanationLabel")}</span>
        <Markdown text={r.explanation} />
      </div>
      <Link href={r.section} className={lessonLink}>
        {t("review")}
      </Link>
    </li>
  );
}
