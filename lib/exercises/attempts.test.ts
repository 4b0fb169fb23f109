/**
 * recordAttempt against a real database (PGlite locally, PostgreSQL in CI): idempotency, the
 * claim kept apart from the server's verdict, the progress summary from verified runs only,
 * parallel runs, server-stamped times, and the validation messages a client gets back.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { ZodError } from "zod";
import { setUpTestDatabase } from "@/tests/support/test-db";
import { describeZodError, HttpError } from "@/lib/http/errors";
import { errorResponse } from "@/lib/http/route";
import { recordAttempt, type AttemptInput } from "./attempts";
import { EXERCISE_LIMITS } from "./limits";
import { getProgress, recordHintsRevealed } from "./progress";
import { verifyAttempt } from "../verification/verify-attempt";

const softmaxCode = (file: string) => readFileSync(path.join(__dirname, "..", "..", "exercises", "softmax", file), "utf8");

const t = setUpTestDatabase(8);

async function newUser(tag: string): Promise<string> {
  const user = await t.db.user.create({ data: { email: `${tag}-${randomUUID()}@example.test`, name: tag } });
  return user.id;
}

function run(overrides: Partial<AttemptInput> = {}): AttemptInput {
  const passed = overrides.passed ?? false;
  const testsTotal = overrides.testsTotal ?? 3;
  return {
    clientRunId: randomUUID(),
    code: "export function softmax() {}",
    passed,
    testsPassed: passed ? testsTotal : 1,
    testsTotal,
    results: [
      { name: "first", status: "pass" },
      { name: "second", status: passed ? "pass" : "fail", message: "off by 0.1", expected: "[1]", actual: "[1.1]" },
      { name: "third", status: "pass", output: ["hello"] },
    ],
    durationMs: 12.6,
    ...overrides,
  };
}

async function expectRejected(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ZodError) return describeZodError(error);
    if (error instanceof HttpError) return `${error.status}: ${error.message}`;
    throw error;
  }
  throw new Error("expected the call to be rejected");
}

describe("recordAttempt", () => {
  it("records a run's claim, not its verdict; the same run sent twice records once", async () => {
    const userId = await newUser("idem");
    const input = run();
    const first = await recordAttempt(t.db, userId, "softmax", input);
    const again = await recordAttempt(t.db, userId, "softmax", input);

    expect(first.recorded).toBe(true);
    expect(first.status).toBe("pending");
    expect(again.recorded).toBe(false);
    expect(again.attemptId).toBe(first.attemptId);
    expect(await t.db.exerciseAttempt.count({ where: { userId } })).toBe(1);
    expect(again.progress).toEqual(first.progress);
    // testsTotal is the spec's own count (12 softmax tests), whatever the browser said.
    expect(first.progress).toMatchObject({ attempts: 1, bestPassed: 0, testsTotal: 12, completed: false, attemptsToPass: null });

    const stored = await t.db.exerciseAttempt.findUniqueOrThrow({ where: { id: first.attemptId } });
    expect(stored).toMatchObject({
      exerciseId: "softmax",
      status: "pending",
      passed: false,
      testsPassed: 0,
      testsTotal: 12,
      failingTest: null,
      claimedPassed: false,
      claimedTestsPassed: 1,
      claimedTestsTotal: 3,
      durationMs: 13,
    });
    expect(stored.claimedResults).toEqual(input.results);
    expect(stored.results).toEqual([]);
  });

  it("keeps the best verified result, the first verified pass and how many runs it took", async () => {
    const userId = await newUser("summary");
    const recordAndVerify = async (code: string, claim: Partial<AttemptInput> = {}) => {
      const { attemptId } = await recordAttempt(t.db, userId, "softmax", run({ code, ...claim }));
      await verifyAttempt(t.db, attemptId);
      return getProgress(t.db, userId, "softmax");
    };
    // A wrong solution that claims to pass counts as the fail it is.
    const forged = await recordAndVerify(softmaxCode("wrong/global-max.ts"), { passed: true, testsPassed: 3 });
    expect(forged).toMatchObject({ attempts: 1, completed: false, testsTotal: 12 });
    expect(forged.bestPassed).toBeGreaterThan(0);
    expect(forged.bestPassed).toBeLessThan(12);
    await recordAndVerify(softmaxCode("wrong/no-max-subtraction.ts"));
    // A pass the browser did not see (a claimed fail) counts once the server has verified it.
    const pass = await recordAndVerify(softmaxCode("solution.ts"));
    const later = await recordAndVerify("export function softmax() {}");

    expect(pass).toMatchObject({ attempts: 3, bestPassed: 12, completed: true, attemptsToPass: 3 });
    expect(later).toMatchObject({ attempts: 4, bestPassed: 12, completed: true, attemptsToPass: 3 });
    expect(later.firstPassedAt).toBe(pass.firstPassedAt);
    const row = await t.db.exerciseProgress.findUniqueOrThrow({ where: { userId_exerciseId: { userId, exerciseId: "softmax" } } });
    expect(row.firstAttemptAt!.getTime()).toBeLessThanOrEqual(row.firstPassedAt!.getTime());
    expect(row.lastAttemptAt!.getTime()).toBeGreaterThanOrEqual(row.firstPassedAt!.getTime());
    // Other exercises are untouched.
    expect(await getProgress(t.db, userId, "causal-mask")).toMatchObject({ attempts: 0, completed: false });
  });

  it("loses nothing when 20 runs of one learner arrive at once", async () => {
    const userId = await newUser("parallel");
    const inputs = Array.from({ length: 20 }, (_, i) => run(i === 13 ? { passed: true, code: softmaxCode("solution.ts") } : {}));
    // Each run is also sent twice, as a retrying client would.
    const results = await Promise.all([...inputs, ...inputs].map((input) => recordAttempt(t.db, userId, "softmax", input)));

    expect(results.filter((r) => r.recorded)).toHaveLength(20);
    expect(await t.db.exerciseAttempt.count({ where: { userId, exerciseId: "softmax" } })).toBe(20);
    // Nothing counts before the server has checked it.
    expect(await getProgress(t.db, userId, "softmax")).toMatchObject({ attempts: 20, bestPassed: 0, completed: false, testsTotal: 12 });

    const ids = [...new Set(results.map((r) => r.attemptId))];
    await Promise.all(ids.map((id) => verifyAttempt(t.db, id)));
    const progress = await getProgress(t.db, userId, "softmax");
    expect(progress).toMatchObject({ attempts: 20, bestPassed: 12, completed: true, testsTotal: 12 });
    const passedAt = await t.db.exerciseAttempt.findFirstOrThrow({ where: { userId, passed: true } });
    expect(passedAt.status).toBe("verified_pass");
    const before = await t.db.exerciseAttempt.count({ where: { userId, createdAt: { lte: passedAt.createdAt } } });
    expect(progress.attemptsToPass).toBe(before);
  });

  it("stamps the server's time: a run claiming an old date is recorded now", async () => {
    const userId = await newUser("backdated");
    const before = Date.now();
    const { attemptId } = await recordAttempt(t.db, userId, "causal-mask", run({ passed: true, testsPassed: 3, createdAt: "2024-01-02T00:00:00Z" }));
    const stored = await t.db.exerciseAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(stored.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    // The merge passes the stored run as it is, exerciseId included: extra keys are ignored.
    const merged = { ...run(), exerciseId: "causal-mask", createdAt: before - 5000 };
    expect((await recordAttempt(t.db, userId, "causal-mask", merged)).recorded).toBe(true);
  });

  it("never records a run in the future", async () => {
    const userId = await newUser("future");
    const before = Date.now();
    const { attemptId } = await recordAttempt(t.db, userId, "softmax", run({ createdAt: Date.now() + 10 * 86_400_000 }));
    const stored = await t.db.exerciseAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(stored.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(stored.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("a run id reused for another exercise is refused, not mixed up", async () => {
    const userId = await newUser("reuse");
    const input = run();
    await recordAttempt(t.db, userId, "softmax", input);
    expect(await expectRejected(recordAttempt(t.db, userId, "causal-mask", input))).toMatch(/^409: .*another exercise/);
    expect(await getProgress(t.db, userId, "causal-mask")).toMatchObject({ attempts: 0 });
  });

  it("answers malformed or oversized runs with messages that say what is wrong", async () => {
    const userId = await newUser("invalid");
    const reject = (input: unknown) => expectRejected(recordAttempt(t.db, userId, "softmax", input));

    expect(await reject(run({ clientRunId: "run-1" }))).toBe("clientRunId: clientRunId must be a UUID");
    expect(await reject(run({ code: "x".repeat(EXERCISE_LIMITS.codeBytes + 1) }))).toBe("code: code is larger than 100 KB");
    // 2-byte characters count double: 60 000 of them are 120 000 bytes.
    expect(await reject(run({ code: "é".repeat(60_000) }))).toBe("code: code is larger than 100 KB");
    const many = Array.from({ length: 101 }, (_, i) => ({ name: `t${i}`, status: "pass" as const }));
    expect(await reject(run({ results: many, testsTotal: 100, testsPassed: 1 }))).toBe("results: results has more than 100 entries");
    expect(await reject(run({ passed: true, testsPassed: 2 }))).toBe(
      "passed: passed must be true exactly when every test passed (testsPassed equals testsTotal)",
    );
    expect(await reject(run({ testsPassed: 5 }))).toMatch(/testsPassed: testsPassed is larger than testsTotal/);
    expect(await reject({ ...run(), results: [{ name: "a", status: "maybe" }] })).toBe(
      'results.0.status: status must be "pass", "fail" or "error"',
    );
    expect(await reject("not an object")).toMatch(/expected object/i);
    expect(await reject(run({ testsTotal: 0, testsPassed: 0 }))).toMatch(/^testsTotal: /);
    expect(await expectRejected(recordAttempt(t.db, userId, "no-such-exercise", run()))).toBe(
      '404: There is no exercise called "no-such-exercise".',
    );
    expect(await t.db.exerciseAttempt.count({ where: { userId } })).toBe(0);
  });

  it("a validation failure becomes a 422 answer with that message, never a 500", async () => {
    const userId = await newUser("status");
    let caught: unknown;
    try {
      await recordAttempt(t.db, userId, "softmax", { ...run(), durationMs: -1 });
    } catch (error) {
      caught = error;
    }
    const response = errorResponse(caught);
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: string }).error).toMatch(/^durationMs: /);
  });
});

describe("hints", () => {
  it("keeps the largest number of hints revealed, whatever order the requests arrive in", async () => {
    const userId = await newUser("hints");
    await Promise.all([3, 1, 2, 2].map((n) => recordHintsRevealed(t.db, userId, "softmax", n)));
    expect((await getProgress(t.db, userId, "softmax")).hintsUsed).toBe(3);
    // Recording runs afterwards keeps the hint count.
    await recordAttempt(t.db, userId, "softmax", run());
    expect(await getProgress(t.db, userId, "softmax")).toMatchObject({ hintsUsed: 3, attempts: 1 });
  });
});
