/**
 * The browser-side decisions of the exercise editor, without a browser: which code to open,
 * what localStorage keeps (and what survives its cap), and what a run records. Every recorded
 * attempt is checked against the server's own schema, so what the page sends is what the API takes.
 */
import { describe, expect, it } from "@jest/globals";
import { attemptInputSchema } from "@/lib/exercises/attempt-input";
import { EXERCISE_LIMITS } from "@/lib/exercises/limits";
import type { GradeReport } from "@/lib/grading/types";
import { appendRun, capRuns, chooseInitialCode, clearLocalDraftUpTo, hasLocalPass, readLocalDraft, readLocalState, readRuns, updateLocalState, writeLocalDraft, type StoredRun } from "@/lib/learner-state/exercises";
import { KEYS } from "@/lib/learner-state/storage";
import { MemoryStorage } from "@/tests/support/memory-storage";
import { attemptFromOutcome, summarize, TIME_LIMIT_TEST_NAME } from "./run-record";

const UUID = "0b6f7a4e-3a47-4d3c-9d55-2b7d6f0c1e2a";

function storedRun(i: number, exerciseId = "softmax", passed = false): StoredRun {
  return {
    clientRunId: UUID,
    code: `// run ${i}`,
    passed,
    testsPassed: passed ? 1 : 0,
    testsTotal: 1,
    results: [{ name: "t", status: passed ? "pass" : "fail" }],
    durationMs: 1,
    exerciseId,
    createdAt: 1_000 + i,
  };
}

describe("which code the editor opens with", () => {
  const starter = "// starter";
  it("is the starter when nothing was saved", () => {
    expect(chooseInitialCode(starter, null, null)).toEqual({ code: starter, from: "starter", updatedAt: null });
  });
  it("is the newest of the browser's and the account's copies", () => {
    const local = { code: "local", updatedAt: 2000 };
    const server = { code: "server", updatedAt: 1000 };
    expect(chooseInitialCode(starter, local, server)).toMatchObject({ code: "local", from: "local" });
    expect(chooseInitialCode(starter, { ...local, updatedAt: 500 }, server)).toMatchObject({ code: "server", from: "server" });
    expect(chooseInitialCode(starter, null, server)).toMatchObject({ code: "server" });
    expect(chooseInitialCode(starter, local, null)).toMatchObject({ code: "local" });
  });
});

describe("drafts in localStorage", () => {
  it("round-trips under academy:exercise:<id>:code and ignores junk", () => {
    const storage = new MemoryStorage();
    expect(writeLocalDraft(storage, "softmax", { code: "x", updatedAt: 5 })).toBe(true);
    expect(storage.getItem("academy:exercise:softmax:code")).toBe('{"code":"x","updatedAt":5}');
    expect(readLocalDraft(storage, "softmax")).toEqual({ code: "x", updatedAt: 5 });
    storage.setItem(KEYS.draft("causal-mask"), "{not json");
    expect(readLocalDraft(storage, "causal-mask")).toBeNull();
  });

  it("is cleared once the server holds that code or newer, not before", () => {
    const storage = new MemoryStorage();
    writeLocalDraft(storage, "softmax", { code: "x", updatedAt: 5000 });
    clearLocalDraftUpTo(storage, "softmax", 4000);
    expect(readLocalDraft(storage, "softmax")).not.toBeNull();
    clearLocalDraftUpTo(storage, "softmax", 5000);
    expect(readLocalDraft(storage, "softmax")).toBeNull();
  });

  it("reports a full storage instead of throwing", () => {
    expect(writeLocalDraft(new MemoryStorage(10), "softmax", { code: "a long piece of code", updatedAt: 1 })).toBe(false);
  });
});

describe("anonymous runs (academy:exercise-runs)", () => {
  it("keeps the latest 200, but never an exercise's first passing run", () => {
    const runs = [storedRun(0, "softmax", true), ...Array.from({ length: 250 }, (_, i) => storedRun(i + 1))];
    const capped = capRuns(runs);
    expect(capped).toHaveLength(200);
    expect(capped[0]).toBe(runs[0]);
    expect(capped[capped.length - 1]).toBe(runs[250]);
    expect(capped[1]).toBe(runs[52]);
  });

  it("appends runs in order and answers whether an exercise was passed here", () => {
    const storage = new MemoryStorage();
    appendRun(storage, storedRun(1));
    appendRun(storage, storedRun(2, "causal-mask", true));
    expect(readRuns(storage).map((r) => r.createdAt)).toEqual([1001, 1002]);
    expect(hasLocalPass(storage, "causal-mask")).toBe(true);
    expect(hasLocalPass(storage, "softmax")).toBe(false);
    storage.setItem(KEYS.exerciseRuns, '{"not":"an array"}');
    expect(readRuns(storage)).toEqual([]);
  });

  it("appending to the list this tab wrote gives the same list as reading and rewriting it; another tab's write is read first", () => {
    const storage = new MemoryStorage();
    for (let i = 1; i <= 5; i++) appendRun(storage, storedRun(i, "softmax", i === 3));
    expect(readRuns(storage)).toEqual([1, 2, 3, 4, 5].map((i) => storedRun(i, "softmax", i === 3)));
    // Another tab replaced the list: its runs are kept and the new one follows them.
    storage.setItem(KEYS.exerciseRuns, JSON.stringify([storedRun(50, "causal-mask")]));
    appendRun(storage, storedRun(6));
    expect(readRuns(storage).map((r) => r.createdAt)).toEqual([1050, 1006]);
    // At the cap the list is trimmed as before (the first pass is kept).
    const capped = new MemoryStorage();
    for (let i = 1; i <= 6; i++) appendRun(capped, storedRun(i, "softmax", i === 1), 4);
    expect(readRuns(capped).map((r) => r.createdAt)).toEqual([1001, 1004, 1005, 1006]);
  });

  it("when the browser's storage is full, drops old runs (keeping first passes) until the new one fits", () => {
    const storage = new MemoryStorage(JSON.stringify(Array.from({ length: 40 }, (_, i) => storedRun(i))).length);
    storage.setItem(KEYS.exerciseRuns, JSON.stringify([storedRun(0, "softmax", true), ...Array.from({ length: 39 }, (_, i) => storedRun(i + 1))]));
    expect(appendRun(storage, storedRun(99))).toBe(true);
    const runs = readRuns(storage);
    expect(runs.length).toBeLessThan(41);
    expect(runs[runs.length - 1].createdAt).toBe(1099);
    expect(hasLocalPass(storage, "softmax")).toBe(true);
  });

  it("keeps hints revealed and the solution view per exercise", () => {
    const storage = new MemoryStorage();
    expect(readLocalState(storage, "softmax")).toEqual({ hintsRevealed: 0, solutionViewedAt: null });
    updateLocalState(storage, "softmax", { hintsRevealed: 2 });
    updateLocalState(storage, "softmax", { solutionViewedAt: 77 });
    expect(readLocalState(storage, "softmax")).toEqual({ hintsRevealed: 2, solutionViewedAt: 77 });
    expect(readLocalState(storage, "causal-mask").hintsRevealed).toBe(0);
  });
});

const report = (statuses: ("pass" | "fail" | "error")[], extra: Partial<GradeReport> = {}): GradeReport => ({
  exercise: "softmax",
  passed: statuses.every((s) => s === "pass"),
  tests: statuses.map((status, i) => ({ name: `test ${i + 1}`, status, ...(status === "pass" ? {} : { message: "wrong" }) })),
  durationMs: 12.4,
  ...extra,
});

describe("what a run records", () => {
  it("counts passes against the spec's tests: '4 / 6 tests passed'", () => {
    const outcome = { kind: "report" as const, report: report(["pass", "pass", "fail", "pass", "error", "pass"]), testsTotal: 6 };
    expect(summarize(outcome)).toEqual({ passed: false, testsPassed: 4, testsTotal: 6, line: "4 / 6 tests passed" });
    const attempt = attemptFromOutcome(outcome, "code", UUID)!;
    expect(attempt).toMatchObject({ clientRunId: UUID, code: "code", passed: false, testsPassed: 4, testsTotal: 6, durationMs: 12 });
    expect(attempt.results.map((r) => r.status)).toEqual(["pass", "pass", "fail", "pass", "error", "pass"]);
    expect(attemptInputSchema.safeParse(attempt).success).toBe(true);
  });

  it("all tests passing is a pass", () => {
    const outcome = { kind: "report" as const, report: report(["pass", "pass"]), testsTotal: 2 };
    expect(summarize(outcome)).toMatchObject({ passed: true, line: "2 / 2 tests passed" });
    expect(attemptInputSchema.parse(attemptFromOutcome(outcome, "c", UUID)).passed).toBe(true);
  });

  it("a compile error records its one result, 0 of the spec's tests passed", () => {
    const compile = report(["error"], { compileError: { message: "Syntax error", line: 3, column: 7 } });
    const attempt = attemptFromOutcome({ kind: "report", report: compile, testsTotal: 12 }, "c", UUID)!;
    expect(attempt).toMatchObject({ passed: false, testsPassed: 0, testsTotal: 12 });
    expect(attempt.results).toHaveLength(1);
    expect(attemptInputSchema.safeParse(attempt).success).toBe(true);
  });

  it("a run stopped by the time limit records one error result with the message", () => {
    const outcome = { kind: "timeout" as const, limitMs: 5000, message: "Stopped after 5 s: is there a loop that never ends?", testsTotal: 12 };
    expect(summarize(outcome).line).toBe("0 / 12 tests passed");
    const attempt = attemptFromOutcome(outcome, "while(true){}", UUID)!;
    expect(attempt).toMatchObject({ passed: false, testsPassed: 0, testsTotal: 12, durationMs: 5000 });
    expect(attempt.results).toEqual([{ name: TIME_LIMIT_TEST_NAME, status: "error", message: outcome.message }]);
    expect(attemptInputSchema.safeParse(attempt).success).toBe(true);
  });

  it("a grader crash is not the learner's run and records nothing", () => {
    expect(attemptFromOutcome({ kind: "crashed", message: "x" }, "c", UUID)).toBeNull();
  });

  it("trims a noisy report to the API's limits so it is always accepted", () => {
    const noisy = report(Array.from({ length: 130 }, () => "fail" as const));
    for (const test of noisy.tests) {
      test.name = "n".repeat(1000);
      test.message = "m".repeat(10_000);
      test.expected = "e".repeat(10_000);
      test.actual = "a".repeat(10_000);
      test.output = Array.from({ length: 500 }, () => "o".repeat(2000));
      test.leakedTensors = 3;
    }
    const attempt = attemptFromOutcome({ kind: "report", report: noisy, testsTotal: 100 }, "c", UUID)!;
    const parsed = attemptInputSchema.safeParse(attempt);
    expect(parsed.success).toBe(true);
    expect(attempt.results).toHaveLength(EXERCISE_LIMITS.results);
    const first = attempt.results[0];
    expect(first.output).toHaveLength(EXERCISE_LIMITS.outputLines);
    expect(first.output?.[EXERCISE_LIMITS.outputLines - 1]).toBe("… 481 more line(s) not kept");
    expect(first.message?.endsWith("…")).toBe(true);
    expect(JSON.stringify(attempt).length).toBeLessThan(EXERCISE_LIMITS.attemptBodyBytes);
  });
});
