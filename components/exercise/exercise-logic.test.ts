/**
 * The browser-side decisions of the exercise editor, without a browser: which code to open,
 * what localStorage keeps (and what survives its cap), and what a run records. Every recorded
 * attempt is checked against the server's own schema, so what the page sends is what the API takes.
 */
import { describe, expect, it } from "@jest/globals";
import { attemptInputSchema } from "@/lib/exercises/attempt-input";
import { EXERCISE_LIMITS } from "@/lib/exercises/limits";
import type { GradeReport } from "@/lib/grading/types";
import {
  appendRun,
  capRuns,
  chooseInitialCode,
  clearLocalDraftUpTo,
  draftKey,
  hasLocalPass,
  readLocalDraft,
  readLocalState,
  readRuns,
  RUNS_KEY,
  updateLocalState,
  writeLocalDraft,
  type KeyValueStorage,
  type StoredRun,
} from "./local-store";
import { attemptFromOutcome, summarize, TIME_LIMIT_TEST_NAME } from "./run-record";
import { flushOutbox, sendRun } from "./run-sender";
import { readOutbox, type OutboxEntry } from "./local-store";

class MemoryStorage implements KeyValueStorage {
  map = new Map<string, string>();
  constructor(private readonly quotaBytes = Infinity) {}
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    const used = [...this.map].reduce((n, [k, v]) => n + (k === key ? 0 : v.length), 0);
    if (used + value.length > this.quotaBytes) {
      const error = new Error("The quota has been exceeded.");
      error.name = "QuotaExceededError";
      throw error;
    }
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
}

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
    storage.setItem(draftKey("causal-mask"), "{not json");
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
    storage.setItem(RUNS_KEY, '{"not":"an array"}');
    expect(readRuns(storage)).toEqual([]);
  });

  it("when the browser's storage is full, drops old runs (keeping first passes) until the new one fits", () => {
    const storage = new MemoryStorage(JSON.stringify(Array.from({ length: 40 }, (_, i) => storedRun(i))).length);
    storage.setItem(RUNS_KEY, JSON.stringify([storedRun(0, "softmax", true), ...Array.from({ length: 39 }, (_, i) => storedRun(i + 1))]));
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

describe("sending a signed-in learner's runs (the outbox)", () => {
  const entry = (runId: string, userId = "u1"): OutboxEntry => ({
    userId,
    exerciseId: "softmax",
    attempt: { ...storedRun(1), clientRunId: runId },
  });
  const progress = { attempts: 1, bestPassed: 1, testsTotal: 1, completed: true };
  /** A fake fetch answering with the given statuses in turn ("offline" = a network error). */
  function server(...answers: (number | "offline")[]) {
    const sent: { url: string; body: unknown; keepalive?: boolean }[] = [];
    const fetcher = async (url: string, init: RequestInit) => {
      const answer = answers.shift() ?? 201;
      if (answer === "offline") throw new TypeError("Failed to fetch");
      sent.push({ url, body: JSON.parse(init.body as string), keepalive: init.keepalive });
      return { ok: answer < 300, status: answer, json: async () => ({ progress }) };
    };
    return { sent, fetcher };
  }

  it("keeps the run until the server confirms it, then forgets it", async () => {
    const storage = new MemoryStorage();
    const { sent, fetcher } = server(201);
    const result = await sendRun(storage, entry("a"), fetcher);
    expect(result).toEqual({ kind: "recorded", progress });
    expect(sent).toEqual([{ url: "/api/exercises/softmax/attempts", body: entry("a").attempt, keepalive: true }]);
    expect(readOutbox(storage)).toEqual([]);
  });

  it("keeps the run when offline, on a server error or a lost session; drops one the server refuses for good", async () => {
    const storage = new MemoryStorage();
    expect((await sendRun(storage, entry("offline"), server("offline").fetcher)).kind).toBe("kept");
    expect((await sendRun(storage, entry("5xx"), server(503).fetcher)).kind).toBe("kept");
    expect((await sendRun(storage, entry("401"), server(401).fetcher)).kind).toBe("kept");
    expect(await sendRun(storage, entry("422"), server(422).fetcher)).toEqual({ kind: "rejected", status: 422 });
    expect(readOutbox(storage).map((e) => e.attempt.clientRunId)).toEqual(["offline", "5xx", "401"]);
  });

  it("later sends what is left for the same learner only, oldest first, and stops while still offline", async () => {
    const storage = new MemoryStorage();
    for (const [id, user] of [["a", "u1"], ["b", "u2"], ["c", "u1"], ["d", "u1"]]) await sendRun(storage, entry(id, user), server("offline").fetcher);

    const stillOffline = server(201, "offline");
    expect(await flushOutbox(storage, "u1", stillOffline.fetcher)).toBe(1);
    expect(stillOffline.sent.map((s) => (s.body as { clientRunId: string }).clientRunId)).toEqual(["a"]);

    const online = server();
    expect(await flushOutbox(storage, "u1", online.fetcher)).toBe(2);
    expect(online.sent.map((s) => (s.body as { clientRunId: string }).clientRunId)).toEqual(["c", "d"]);
    expect(readOutbox(storage).map((e) => `${e.userId}:${e.attempt.clientRunId}`)).toEqual(["u2:b"]);
  });

  it("sends a large run without keepalive (browsers cap keepalive bodies at 64 KiB)", async () => {
    const big = entry("big");
    big.attempt = { ...big.attempt, code: "x".repeat(70 * 1024) };
    const { sent, fetcher } = server(201);
    await sendRun(new MemoryStorage(), big, fetcher);
    expect(sent[0].keepalive).toBe(false);
  });
});
