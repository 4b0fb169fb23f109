/**
 * Turns what came out of the sandbox into the server's verdict. The report is JSON produced
 * inside the sandbox, next to learner code, so nothing in it is taken on trust: it must list
 * exactly the spec's tests, by name and in order, each with a known status, or the run is a
 * fail. "Passed" is recomputed here, never read from the report.
 */
import type { TestResult, TestStatus } from "../grading/types";
import type { SandboxOutcome } from "./sandbox/quickjs-sandbox";

export type Verdict =
  | { status: "verified_pass" | "verified_fail"; testsPassed: number; testsTotal: number; results: TestResult[]; failingTest: string | null }
  | { status: "error"; testsTotal: number; message: string };

const STATUSES: readonly TestStatus[] = ["pass", "fail", "error"];
const MAX_TEXT = 2000;

const text = (value: unknown): string | undefined => (typeof value === "string" ? value.slice(0, MAX_TEXT) : undefined);

function cleanResult(raw: Record<string, unknown>): TestResult {
  const result: TestResult = { name: String(raw.name), status: raw.status as TestStatus };
  const message = text(raw.message);
  if (message !== undefined) result.message = message;
  const expected = text(raw.expected);
  if (expected !== undefined) result.expected = expected;
  const actual = text(raw.actual);
  if (actual !== undefined) result.actual = actual;
  if (Array.isArray(raw.output)) result.output = raw.output.slice(0, 100).map((line) => String(line).slice(0, 500));
  if (typeof raw.line === "number" && Number.isInteger(raw.line) && raw.line > 0) result.line = raw.line;
  if (typeof raw.durationMs === "number" && Number.isFinite(raw.durationMs)) result.durationMs = Math.max(0, raw.durationMs);
  return result;
}

/** A report that is a compile error: one entry, not named after a spec test. */
function compileFailure(tests: unknown[], testsTotal: number): Verdict | null {
  if (tests.length !== 1) return null;
  const only = tests[0] as Record<string, unknown>;
  if (!only || only.status !== "error" || typeof only.name !== "string") return null;
  const result = cleanResult(only);
  return { status: "verified_fail", testsPassed: 0, testsTotal, results: [result], failingTest: result.name };
}

export function verdictFromOutcome(outcome: SandboxOutcome, specTestNames: readonly string[]): Verdict {
  const testsTotal = specTestNames.length;
  if (outcome.kind === "error") return { status: "error", testsTotal, message: outcome.message };
  let parsed: unknown;
  try {
    parsed = JSON.parse(outcome.json);
  } catch {
    return { status: "error", testsTotal, message: "The server's grader returned something unreadable." };
  }
  const tests = (parsed as { tests?: unknown })?.tests;
  if (!Array.isArray(tests)) return { status: "error", testsTotal, message: "The server's grader returned no test results." };
  const matchesSpec =
    tests.length === testsTotal &&
    tests.every((t, i) => typeof t === "object" && t !== null && (t as { name?: unknown }).name === specTestNames[i] && STATUSES.includes((t as { status: TestStatus }).status));
  if (!matchesSpec) {
    const compile = compileFailure(tests, testsTotal);
    if (compile) return compile;
    return {
      status: "verified_fail",
      testsPassed: 0,
      testsTotal,
      results: [{ name: "The results match the exercise's tests", status: "fail", message: "The test results did not match this exercise's tests, so none of them count." }],
      failingTest: "The results match the exercise's tests",
    };
  }
  const results = tests.map((t) => cleanResult(t as Record<string, unknown>));
  const testsPassed = results.filter((r) => r.status === "pass").length;
  const failing = results.find((r) => r.status !== "pass");
  return {
    status: testsPassed === testsTotal && testsTotal > 0 ? "verified_pass" : "verified_fail",
    testsPassed,
    testsTotal,
    results,
    failingTest: failing?.name ?? null,
  };
}
