"use client";

/**
 * A chapter quiz: the learner answers every question type with keyboard or pointer, the
 * answers are POSTed to /api/quizzes/<quizId>/attempts, and the graded result is shown
 * with explanations and links back to the lesson. The component only ever holds the
 * public quiz (no answer key); grading happens on the server.
 *
 * The logic lives in ./quiz-draft.ts and ./quiz-submit.ts (tested without a DOM); each question type's input is in
 * ./questions/; this file holds the attempt's state and the form around the questions.
 */
import { useEffect, useId, useMemo, useReducer, useRef, useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import {
  MAX_SEED,
  randomSeed,
  shufflePublicQuiz,
  type PublicOption,
  type PublicOrderingQuestion,
  type PublicQuiz,
} from "@/lib/quiz/public";
import { plainText } from "./markdown";
import { browserStorage, rememberAnonymousAttempt } from "./local-attempts";
import { QuizResults } from "./quiz-results";
import { card, primaryButton } from "./quiz-styles";
import { QuestionInput } from "./questions/question-input";
import { buildAnswers, draftReducer, initialDraft, isAnswered, moveAnnouncement, moveItem, type DraftAction } from "./quiz-draft";
import { newAttemptId, submitAttempt, type AttemptResponse, type SubmitWords } from "./quiz-submit";

export interface QuizViewProps {
  quiz: PublicQuiz;
  /** The attempt seed the quiz is shown with; a retake picks a new one. */
  seed: number;
}

type Status =
  | { kind: "answering" }
  | { kind: "submitting" }
  | { kind: "error"; message: string }
  | { kind: "graded"; response: AttemptResponse };

export function QuizView({ quiz, seed }: QuizViewProps) {
  const uid = useId();
  const locale = useLocale();
  const t = useTranslations("quiz");
  const [attemptSeed, setAttemptSeed] = useState(seed);
  // The arrangement for this attempt; equals `quiz` when the server shuffled it with `seed`.
  const view = useMemo(() => shufflePublicQuiz(quiz, attemptSeed), [quiz, attemptSeed]);
  const [draft, dispatch] = useReducer(draftReducer, view, initialDraft);
  const [clientAttemptId, setClientAttemptId] = useState(newAttemptId);
  const [status, setStatus] = useState<Status>({ kind: "answering" });
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState("");
  const [refocus, setRefocus] = useState<{ key: string; fallback: string } | null>(null);
  const rootRef = useRef<HTMLElement>(null);
  const resultsHeadingRef = useRef<HTMLHeadingElement>(null);

  const idFor = (...parts: string[]) => `${uid}-${parts.join("-")}`;
  // The API's own reasons are English: only the English page shows them.
  const serverReason = (serverMessage: string) => (locale === "en" ? serverMessage : "");
  const submitWords: SubmitWords = {
    network: t("submitError.network"),
    signIn: (serverMessage) => serverReason(serverMessage) || t("submitError.signIn"),
    server: (status) => t("submitError.server", { status }),
    rejected: (status, serverMessage) =>
      serverReason(serverMessage) ? t("submitError.rejected", { message: serverMessage }) : t("submitError.rejectedStatus", { status }),
    garbled: t("submitError.garbled"),
  };

  // Keep keyboard focus on the Move button the learner pressed: React moves the item's DOM
  // node, which drops focus in some browsers. At the ends, fall back to the other button.
  useEffect(() => {
    if (!refocus) return;
    const root = rootRef.current;
    const find = (key: string) => root?.querySelector<HTMLButtonElement>(`[data-move-key="${CSS.escape(key)}"]`);
    const target = find(refocus.key);
    (target?.getAttribute("aria-disabled") === "true" ? find(refocus.fallback) : target)?.focus();
    setRefocus(null);
  }, [refocus, draft]);

  // After grading, move focus to the results so keyboard and screen-reader users land there.
  useEffect(() => {
    if (status.kind === "graded") resultsHeadingRef.current?.focus();
  }, [status]);

  const answeredCount = view.questions.filter((q) => isAnswered(q, draft)).length;

  function update(action: DraftAction) {
    dispatch(action);
    if (status.kind === "error") {
      setStatus({ kind: "answering" });
      // A retry of the same answers keeps its id (the server de-duplicates on it); changed
      // answers are a new submission.
      setClientAttemptId(newAttemptId());
    }
    if ("questionId" in action && invalid[action.questionId])
      setInvalid(({ [action.questionId]: _fixed, ...rest }) => rest);
  }

  function move(q: PublicOrderingQuestion, item: PublicOption, direction: "up" | "down") {
    const order = draft.ordering[q.id];
    const next = moveItem(order, item.id, direction);
    if (next === order) return;
    update({ type: "move", questionId: q.id, itemId: item.id, direction });
    setAnnouncement(moveAnnouncement(plainText(item.text), next, item.id, (name, position, total) => t("moved", { item: name, position, total })));
    const other = direction === "up" ? "down" : "up";
    setRefocus({ key: `${q.id}:${item.id}:${direction}`, fallback: `${q.id}:${item.id}:${other}` });
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (status.kind === "submitting") return;
    const built = buildAnswers(view, draft);
    if (!built.ok) {
      setInvalid(built.invalid);
      const firstInvalid = view.questions.find((q) => built.invalid[q.id]);
      if (firstInvalid) requestAnimationFrame(() => document.getElementById(idFor(firstInvalid.id, "input"))?.focus());
      const count = Object.keys(built.invalid).length;
      setStatus({
        kind: "error",
        message: t("needsFixing", { count }),
      });
      return;
    }
    setInvalid({});
    setStatus({ kind: "submitting" });
    const body = { answers: built.answers, seed: attemptSeed, clientAttemptId };
    const outcome = await submitAttempt(view.id, body, fetch, locale, submitWords);
    // Not signed in: the attempt is kept in this browser, and best/latest are over the kept ones.
    setStatus(
      outcome.ok
        ? { kind: "graded", response: rememberAnonymousAttempt(browserStorage(), view.id, body, outcome.response) }
        : { kind: "error", message: outcome.message },
    );
  }

  function retake() {
    let next = randomSeed();
    if (next === attemptSeed) next = (next + 1) % (MAX_SEED + 1);
    dispatch({ type: "reset", quiz: shufflePublicQuiz(quiz, next) });
    setAttemptSeed(next);
    setClientAttemptId(newAttemptId());
    setInvalid({});
    setAnnouncement("");
    setStatus({ kind: "answering" });
    requestAnimationFrame(() => rootRef.current?.querySelector<HTMLElement>("input, select, button")?.focus());
  }

  return (
    <section ref={rootRef} aria-labelledby={idFor("title")} className="my-8 space-y-4 text-slate-900 dark:text-slate-100" data-testid="quiz">
      <header>
        <h2 id={idFor("title")} className="text-xl font-semibold">
          {view.title}
        </h2>
        {status.kind !== "graded" && (
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {t("intro", { count: view.questions.length, pass: view.passPercent })}
          </p>
        )}
      </header>

      {status.kind === "graded" ? (
        <QuizResults quiz={view} response={status.response} headingRef={resultsHeadingRef} onRetake={retake} />
      ) : (
        <form onSubmit={submit} noValidate className="space-y-4">
          <ol className="space-y-4">
            {view.questions.map((q, index) => (
              <li key={q.id} data-testid={`question-${q.id}`} className={card}>
                <QuestionInput
                  question={q}
                  number={index + 1}
                  draft={draft}
                  invalid={invalid[q.id] ? t("numberHint") : undefined}
                  idFor={idFor}
                  onChange={update}
                  onMove={move}
                />
              </li>
            ))}
          </ol>

          {status.kind === "error" && (
            <div
              role="alert"
              data-testid="quiz-error"
              className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
            >
              {status.message}
            </div>
          )}

          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" className={primaryButton} disabled={status.kind === "submitting"} data-testid="quiz-submit">
              {status.kind === "submitting" ? t("submitting") : t("submit")}
            </button>
            <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="quiz-progress">
              {t(answeredCount < view.questions.length ? "answeredSome" : "answeredAll", { answered: answeredCount, total: view.questions.length })}
            </p>
          </div>
        </form>
      )}

      <p aria-live="polite" className="sr-only" data-testid="quiz-announcer">
        {announcement}
      </p>
    </section>
  );
}
