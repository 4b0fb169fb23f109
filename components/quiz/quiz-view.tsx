"use client";

/**
 * A chapter quiz: the learner answers every question type with keyboard or pointer, the
 * answers are POSTed to /api/quizzes/<quizId>/attempts, and the graded result is shown
 * with explanations and links back to the lesson. The component only ever holds the
 * public quiz (no answer key); grading happens on the server.
 *
 * The logic lives in ./quiz-state.ts (tested without a DOM); this file is the markup.
 */
import { useEffect, useId, useMemo, useReducer, useRef, useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import {
  MAX_SEED,
  randomSeed,
  shufflePublicQuiz,
  type PublicMatchingQuestion,
  type PublicOption,
  type PublicOrderingQuestion,
  type PublicQuestion,
  type PublicQuiz,
} from "@/lib/quiz/public";
import { Markdown, plainText } from "./markdown";
import { browserStorage, rememberAnonymousAttempt } from "./local-attempts";
import { QuizResults } from "./quiz-results";
import {
  buildAnswers,
  draftReducer,
  initialDraft,
  isAnswered,
  moveAnnouncement,
  moveItem,
  newAttemptId,
  submitAttempt,
  type AttemptResponse,
  type Draft,
  type DraftAction,
} from "./quiz-state";

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

const card = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900";
const focusRing =
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-400";
const buttonBase = `rounded-md px-3 py-1.5 text-sm font-medium ${focusRing}`;
const primaryButton = `${buttonBase} bg-indigo-600 text-white hover:bg-indigo-700 disabled:cursor-not-allowed disabled:opacity-60 dark:bg-indigo-400 dark:hover:bg-indigo-300 dark:text-slate-950`;
const secondaryButton = `${buttonBase} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700`;
const inputBase = `rounded-md border border-slate-300 bg-white px-2 py-1.5 text-slate-900 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100 ${focusRing}`;

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
    setAnnouncement(moveAnnouncement(plainText(item.text), next, item.id));
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
    const outcome = await submitAttempt(view.id, body, fetch, locale);
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
                  invalid={invalid[q.id]}
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

interface QuestionInputProps {
  question: PublicQuestion;
  number: number;
  draft: Draft;
  invalid?: string;
  idFor: (...parts: string[]) => string;
  onChange: (action: DraftAction) => void;
  onMove: (q: PublicOrderingQuestion, item: PublicOption, direction: "up" | "down") => void;
}

function QuestionNumber({ n }: { n: number }) {
  const t = useTranslations("quiz");
  return <span className="mb-1 block text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{t("questionNumber", { n })}</span>;
}

const legendClass = "mb-3 font-medium";
const choiceLabel =
  "flex cursor-pointer items-start gap-2 rounded-md p-2 hover:bg-slate-50 has-[:checked]:bg-indigo-50 dark:hover:bg-slate-800 dark:has-[:checked]:bg-indigo-950";
const choiceInput = `mt-1 h-4 w-4 accent-indigo-600 ${focusRing}`;

export function QuestionInput({ question: q, number, draft, invalid, idFor, onChange, onMove }: QuestionInputProps) {
  const t = useTranslations("quiz");
  const name = idFor(q.id);
  switch (q.type) {
    case "single":
    case "multiple":
      return (
        <fieldset>
          <legend className={legendClass}>
            <QuestionNumber n={number} />
            <Markdown text={q.prompt} inline />
            {q.type === "multiple" && <span className="mt-1 block text-sm font-normal text-slate-600 dark:text-slate-400">{t("selectAll")}</span>}
          </legend>
          <div className="space-y-1">
            {q.options.map((o) => (
              <label key={o.id} className={choiceLabel}>
                {q.type === "single" ? (
                  <input
                    type="radio"
                    name={name}
                    value={o.id}
                    checked={draft.single[q.id] === o.id}
                    onChange={() => onChange({ type: "choose", questionId: q.id, optionId: o.id })}
                    className={choiceInput}
                  />
                ) : (
                  <input
                    type="checkbox"
                    name={name}
                    value={o.id}
                    checked={(draft.multiple[q.id] ?? []).includes(o.id)}
                    onChange={(e) => onChange({ type: "toggle", questionId: q.id, optionId: o.id, checked: e.currentTarget.checked })}
                    className={choiceInput}
                  />
                )}
                <Markdown text={o.text} inline />
              </label>
            ))}
          </div>
        </fieldset>
      );

    case "true-false":
      return (
        <fieldset>
          <legend className={legendClass}>
            <QuestionNumber n={number} />
            <span className="mb-1 block text-sm font-normal text-slate-600 dark:text-slate-400">{t("trueOrFalse")}</span>
            <Markdown text={q.prompt} inline />
          </legend>
          <div className="flex gap-2">
            {([true, false] as const).map((value) => (
              <label key={String(value)} className={choiceLabel}>
                <input
                  type="radio"
                  name={name}
                  value={String(value)}
                  checked={draft.trueFalse[q.id] === value}
                  onChange={() => onChange({ type: "true-false", questionId: q.id, value })}
                  className={choiceInput}
                />
                {value ? t("true") : t("false")}
              </label>
            ))}
          </div>
        </fieldset>
      );

    case "ordering":
      return <OrderingInput question={q} number={number} order={draft.ordering[q.id]} touched={draft.orderingTouched[q.id] === true} idFor={idFor} onMove={onMove} />;

    case "matching":
      return <MatchingInput question={q} number={number} pairs={draft.matching[q.id] ?? {}} idFor={idFor} onChange={onChange} />;

    case "numeric":
    case "text": {
      const inputId = idFor(q.id, "input");
      const errorId = idFor(q.id, "error");
      const unitId = idFor(q.id, "unit");
      const value = (q.type === "numeric" ? draft.numeric[q.id] : draft.text[q.id]) ?? "";
      const unit = q.type === "numeric" ? q.unit : undefined;
      const describedBy = [unit ? unitId : "", invalid ? errorId : ""].filter(Boolean).join(" ") || undefined;
      return (
        <div>
          <label htmlFor={inputId} className={`block ${legendClass}`}>
            <QuestionNumber n={number} />
            <Markdown text={q.prompt} inline />
          </label>
          <div className="flex items-center gap-2">
            <input
              id={inputId}
              type="text"
              inputMode={q.type === "numeric" ? "decimal" : undefined}
              autoComplete="off"
              spellCheck={q.type === "text" ? false : undefined}
              maxLength={q.type === "text" ? 200 : 40}
              value={value}
              aria-invalid={invalid ? true : undefined}
              aria-describedby={describedBy}
              onChange={(e) => onChange({ type: q.type, questionId: q.id, value: e.currentTarget.value })}
              className={`${inputBase} ${q.type === "numeric" ? "w-40" : "w-full max-w-md"} ${invalid ? "border-red-500 dark:border-red-400" : ""}`}
              data-testid={`answer-${q.id}`}
            />
            {unit && (
              <span id={unitId} className="text-sm text-slate-600 dark:text-slate-400">
                {unit}
              </span>
            )}
          </div>
          {invalid && (
            <p id={errorId} className="mt-1 text-sm text-red-700 dark:text-red-300">
              {invalid}
            </p>
          )}
        </div>
      );
    }
  }
}

function OrderingInput({
  question: q,
  number,
  order,
  touched,
  idFor,
  onMove,
}: {
  question: PublicOrderingQuestion;
  number: number;
  order: string[];
  touched: boolean;
  idFor: (...parts: string[]) => string;
  onMove: QuestionInputProps["onMove"];
}) {
  const t = useTranslations("quiz");
  const hintId = idFor(q.id, "hint");
  const items = order.map((id) => q.items.find((i) => i.id === id)!);
  return (
    <fieldset aria-describedby={hintId}>
      <legend className={legendClass}>
        <QuestionNumber n={number} />
        <Markdown text={q.prompt} inline />
      </legend>
      <p id={hintId} className="mb-2 text-sm text-slate-600 dark:text-slate-400">
        {t("orderingHint")}
        {touched ? "" : ` ${t("orderingUntouched")}`}
      </p>
      <ol className="space-y-2">
        {items.map((item, index) => {
          const label = plainText(item.text);
          return (
            <li key={item.id} className="flex items-center gap-3 rounded-md border border-slate-200 p-2 dark:border-slate-700">
              <span aria-hidden="true" className="w-6 text-right font-mono text-sm text-slate-500 dark:text-slate-400">
                {index + 1}.
              </span>
              <Markdown text={item.text} inline className="flex-1" />
              <span className="flex gap-1">
                {(["up", "down"] as const).map((direction) => {
                  const atEnd = direction === "up" ? index === 0 : index === items.length - 1;
                  return (
                    <button
                      key={direction}
                      type="button"
                      data-move-key={`${q.id}:${item.id}:${direction}`}
                      // The visible words ("Move up") start the name, as WCAG's label-in-name asks.
                      aria-label={`${direction === "up" ? t("moveUp") : t("moveDown")}: ${label}`}
                      aria-disabled={atEnd ? true : undefined}
                      onClick={() => !atEnd && onMove(q, item, direction)}
                      className={`${secondaryButton} px-2 ${atEnd ? "cursor-not-allowed opacity-40" : ""}`}
                    >
                      <span aria-hidden="true">{direction === "up" ? "↑" : "↓"}</span>
                      <span className="sr-only sm:not-sr-only sm:ml-1">{direction === "up" ? t("moveUp") : t("moveDown")}</span>
                    </button>
                  );
                })}
              </span>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}

function MatchingInput({
  question: q,
  number,
  pairs,
  idFor,
  onChange,
}: {
  question: PublicMatchingQuestion;
  number: number;
  pairs: Record<string, string>;
  idFor: (...parts: string[]) => string;
  onChange: (action: DraftAction) => void;
}) {
  const t = useTranslations("quiz");
  return (
    <fieldset>
      <legend className={legendClass}>
        <QuestionNumber n={number} />
        <Markdown text={q.prompt} inline />
      </legend>
      <div className="space-y-2">
        {q.left.map((l) => {
          const selectId = idFor(q.id, l.id);
          return (
            <div key={l.id} className="grid items-center gap-1 sm:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)] sm:gap-3">
              <label htmlFor={selectId}>
                <Markdown text={l.text} inline />
              </label>
              <select
                id={selectId}
                value={pairs[l.id] ?? ""}
                onChange={(e) => onChange({ type: "match", questionId: q.id, leftId: l.id, rightId: e.currentTarget.value })}
                className={inputBase}
              >
                <option value="">{t("choose")}</option>
                {q.right.map((r) => (
                  <option key={r.id} value={r.id}>
                    {plainText(r.text)}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
