/**
 * From a grader outcome to (a) the summary a learner reads and (b) the attempt the server or the
 * browser records. Results are trimmed to the API's limits (lib/exercises/limits.ts) so a report
 * the grader produced is never refused. No React, no DOM: tested in Node.
 */
import type { AttemptInput } from "@/lib/exercises/attempt-input";
import { EXERCISE_LIMITS as L } from "@/lib/exercises/limits";
import type { TestResult } from "@/lib/grading/types";
import type { RunOutcome } from "@/lib/grading/worker/grader-client";

/** The one result a run stopped by the time limit records. */
export const TIME_LIMIT_TEST_NAME = "Time limit";

export interface RunSummary {
  passed: boolean;
  testsPassed: number;
  testsTotal: number;
  /** "4 / 6 tests passed" */
  line: string;
}

export function summarize(outcome: Exclude<RunOutcome, { kind: "crashed" }>): RunSummary {
  const testsTotal = outcome.testsTotal;
  const testsPassed = outcome.kind === "report" ? outcome.report.tests.filter((t) => t.status === "pass").length : 0;
  // A compile error reports one entry, so "passed" also needs every spec test to have passed.
  const passed = outcome.kind === "report" && outcome.report.passed && testsPassed === testsTotal;
  return { passed, testsPassed, testsTotal, line: `${testsPassed} / ${testsTotal} test${testsTotal === 1 ? "" : "s"} passed` };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function compactResult(result: TestResult): TestResult {
  const out: TestResult = { name: clip(result.name, L.nameChars), status: result.status };
  if (result.message !== undefined && result.message !== null) out.message = clip(result.message, L.textChars);
  if (result.expected !== undefined && result.expected !== null) out.expected = clip(result.expected, L.textChars);
  if (result.actual !== undefined && result.actual !== null) out.actual = clip(result.actual, L.textChars);
  if (result.output && result.output.length > 0) {
    const lines = result.output.map((line) => clip(line, L.outputLineChars));
    out.output =
      lines.length <= L.outputLines
        ? lines
        : [...lines.slice(0, L.outputLines - 1), `… ${lines.length - (L.outputLines - 1)} more line(s) not kept`];
  }
  if (typeof result.durationMs === "number" && Number.isFinite(result.durationMs)) out.durationMs = Math.max(0, Math.min(result.durationMs, 600_000));
  if (typeof result.line === "number" && result.line >= 1) out.line = Math.floor(result.line);
  if (typeof result.leakedTensors === "number" && result.leakedTensors > 0) out.leakedTensors = Math.floor(result.leakedTensors);
  return out;
}

/** The results to record for an outcome (the time limit becomes one "error" result). */
export function resultsOf(outcome: Exclude<RunOutcome, { kind: "crashed" }>): TestResult[] {
  if (outcome.kind === "timeout") return [{ name: TIME_LIMIT_TEST_NAME, status: "error", message: outcome.message }];
  return outcome.report.tests.slice(0, L.results).map(compactResult);
}

/**
 * The attempt to record for a run, or null for a grader crash (not the learner's run).
 * Deterministic given its inputs: the caller supplies the run id.
 */
export function attemptFromOutcome(outcome: RunOutcome, code: string, clientRunId: string): AttemptInput | null {
  if (outcome.kind === "crashed") return null;
  const summary = summarize(outcome);
  const durationMs = outcome.kind === "report" ? outcome.report.durationMs : outcome.limitMs;
  return {
    clientRunId,
    code,
    passed: summary.passed,
    testsPassed: summary.testsPassed,
    testsTotal: summary.testsTotal,
    results: resultsOf(outcome),
    durationMs: Math.max(0, Math.min(Math.round(durationMs), 600_000)),
  };
}
