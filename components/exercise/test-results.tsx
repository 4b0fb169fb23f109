"use client";
/**
 * The result of a run, test by test in spec order: name, pass/fail, and for a failure what to
 * act on (message, expected vs actual, console output, the line in the learner's code).
 * The summary line sits in an aria-live region so screen readers hear "4 / 6 tests passed".
 */
import { useLayoutEffect } from "react";
import { useLocale, useTranslations } from "next-intl";
import { apiMessageFor } from "@/lib/i18n/api-message";
import type { GradeReport, TestResult } from "@/lib/grading/types";
import { markResultsRendered } from "@/lib/grading/worker/run-timings";
import type { RunSummary } from "./run-record";

export type RunView =
  | { kind: "idle" }
  /** loading: the grader (worker, TensorFlow.js, the tests) is starting; running: the learner's code runs. */
  | { kind: "running"; phase: "loading" | "running" }
  | { kind: "report"; summary: RunSummary; report: GradeReport }
  | { kind: "timeout"; summary: RunSummary; message: string; limitMs?: number }
  | { kind: "crashed"; message: string };

/** The message (exercise.results.*) for each status. */
const STATUS_KEY = { pass: "statusPass", fail: "statusFail", error: "statusError" } as const satisfies Record<TestResult["status"], string>;

function StatusIcon({ status }: { status: TestResult["status"] }) {
  if (status === "pass") {
    return (
      <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 h-5 w-5 shrink-0 text-emerald-600 dark:text-emerald-400">
        <path fill="currentColor" d="M8.1 13.6 4.5 10l-1.4 1.4 5 5 9-9-1.4-1.4z" />
      </svg>
    );
  }
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 h-5 w-5 shrink-0 text-rose-600 dark:text-rose-400">
      <path fill="currentColor" d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm3.5 10.6-1.4 1.4L10 11.4l-2.1 2.1-1.4-1.4L8.6 10 6.5 7.9l1.4-1.4L10 8.6l2.1-2.1 1.4 1.4L11.4 10z" />
    </svg>
  );
}

function Values({ label, value }: { label: string; value: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
      <dd>
        <pre className="mt-1 overflow-x-auto rounded bg-slate-100! px-2! py-1! font-mono text-xs! leading-normal! text-slate-800! dark:bg-slate-800! dark:text-slate-100!">{value}</pre>
      </dd>
    </div>
  );
}

function TestRow({ test, onGoTo }: { test: TestResult; onGoTo(line: number, column?: number): void }) {
  const t = useTranslations("exercise.results");
  const failed = test.status !== "pass";
  return (
    <li className="mt-0! flex gap-2 py-2" data-status={test.status}>
      <StatusIcon status={test.status} />
      <div className="min-w-0 flex-1">
        <p className="text-sm">
          <span className={failed ? "font-medium" : undefined}>{test.name}</span>
          <span className="sr-only">: {t(STATUS_KEY[test.status])}</span>
          {failed && (
            <span className="ml-2 rounded bg-rose-100 px-1.5 py-0.5 text-xs font-semibold text-rose-800 dark:bg-rose-950 dark:text-rose-200" aria-hidden="true">
              {t(STATUS_KEY[test.status])}
            </span>
          )}
        </p>
        {test.message && <p className="mt-1 text-sm text-slate-700 dark:text-slate-200">{test.message}</p>}
        {test.line !== undefined && (
          <button
            type="button"
            onClick={() => onGoTo(test.line!)}
            className="mt-1 text-sm font-medium text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300"
          >
            {t("goToLine", { line: test.line })}
          </button>
        )}
        {(test.expected !== undefined || test.actual !== undefined) && (
          <dl className="mt-2 grid gap-2 sm:grid-cols-2">
            {test.expected !== undefined && <Values label={t("expected")} value={test.expected} />}
            {test.actual !== undefined && <Values label={t("actual")} value={test.actual} />}
          </dl>
        )}
        {test.output && test.output.length > 0 && (
          <div className="mt-2">
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{t("output")}</p>
            <pre className="mt-1 max-h-40 overflow-auto rounded bg-slate-900 px-2! py-1! font-mono text-xs! leading-normal! text-slate-100">{test.output.join("\n")}</pre>
          </div>
        )}
        {test.leakedTensors !== undefined && test.leakedTensors > 0 && (
          <p className="mt-1 text-xs text-amber-700 dark:text-amber-300">
            {t("leakedInTest", { count: test.leakedTensors })}
          </p>
        )}
      </div>
    </li>
  );
}

export function TestResults({ view, onGoTo }: { view: RunView; onGoTo(line: number, column?: number): void }) {
  const compileError = view.kind === "report" ? view.report.compileError : undefined;
  const leaked = view.kind === "report" ? view.report.leakedTensors : undefined;
  const t = useTranslations("exercise.results");
  const locale = useLocale();
  const summaryLine = (summary: RunSummary) => t("summary", { passed: summary.testsPassed, total: summary.testsTotal });

  // The frame after these results are in the DOM is the one that draws them (bench/grader-breakdown.ts).
  useLayoutEffect(() => {
    if (view.kind !== "report") return;
    const frame = requestAnimationFrame(() => markResultsRendered());
    return () => cancelAnimationFrame(frame);
  }, [view]);

  return (
    <section aria-label={t("label")} className="mt-4" data-testid="test-results">
      <div role="status" aria-live="polite" aria-atomic="true" className="text-sm font-semibold" data-testid="run-summary">
        {view.kind === "running" && (
          <p className="text-slate-600 dark:text-slate-300">{view.phase === "loading" ? t("starting") : t("running")}</p>
        )}
        {view.kind === "report" && (
          <p className={view.summary.passed ? "text-emerald-700 dark:text-emerald-300" : "text-slate-800 dark:text-slate-100"}>
            {summaryLine(view.summary)}
            {view.summary.passed && t("complete")}
          </p>
        )}
        {view.kind === "timeout" && (
          <p className="text-rose-700 dark:text-rose-300">
            {/* The grader's sentences are English: another page words the time limit itself. */}
            {locale === "en" || view.limitMs === undefined ? view.message : t("timeout", { seconds: view.limitMs / 1000 })}{" "}
            <span className="font-normal text-slate-600 dark:text-slate-300">({summaryLine(view.summary)})</span>
          </p>
        )}
        {view.kind === "crashed" && <p className="text-rose-700 dark:text-rose-300">{apiMessageFor(locale, view.message, t("crashed"))}</p>}
      </div>

      {compileError && compileError.line !== undefined && (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          {t("didNotCompile")}{" "}
          <button
            type="button"
            onClick={() => onGoTo(compileError.line!, compileError.column)}
            className="font-medium text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300"
          >
            {compileError.column !== undefined
              ? t("goToLineColumn", { line: compileError.line, column: compileError.column })
              : t("goToLine", { line: compileError.line })}
          </button>
        </p>
      )}
      {leaked !== undefined && leaked > 0 && (
        <p className="mt-1 text-sm text-amber-700 dark:text-amber-300" data-testid="leak-warning">
          {t("leakWarning", { count: leaked })}
        </p>
      )}

      {view.kind === "report" && (
        <ol className="mt-2 list-none! divide-y divide-slate-200 pl-0! dark:divide-slate-800" aria-label={t("listLabel")}>
          {view.report.tests.map((test, i) => (
            <TestRow key={`${i}-${test.name}`} test={test} onGoTo={onGoTo} />
          ))}
        </ol>
      )}
    </section>
  );
}
