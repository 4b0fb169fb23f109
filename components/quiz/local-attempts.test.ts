/**
 * Anonymous quiz attempts kept in the browser: what is stored, best and latest over the kept
 * attempts, what happens when storage fails, and that the records are what the progress merge
 * reads and what the server's write path accepts at sign-in.
 */
import { describe, expect, it } from "@jest/globals";
import { buildMergeRequests } from "@/lib/learner-state/merge";
import { bestAndLatest, keepLocalAttempt, MAX_LOCAL_ATTEMPTS, readLocalAttempts, type LocalQuizAttempt as LocalQuizAttemptRecord } from "@/lib/learner-state/quizzes";
import { localSnapshot } from "@/lib/learner-state/snapshot";
import { KEYS } from "@/lib/learner-state/storage";
import { parseSubmission } from "@/lib/quiz/attempts";
import { MemoryStorage } from "@/tests/support/memory-storage";
import { rememberAnonymousAttempt } from "./local-attempts";
import type { AttemptResponse, SubmitBody } from "./quiz-submit";

/** A graded reply as the route sends it (only the fields this module reads matter). */
function reply(score: number, savedTo: "browser" | "account" = "browser"): AttemptResponse {
  const self = { score, maxScore: 12 };
  return {
    quizId: "training-quiz",
    score,
    maxScore: 12,
    percent: Math.round((score / 12) * 1000) / 10,
    passPercent: 70,
    passed: score / 12 >= 0.7,
    results: [],
    best: self,
    latest: self,
    savedTo,
  } as AttemptResponse;
}

const submit = (id: string, answers: SubmitBody["answers"] = { "kl-penalty": true }): SubmitBody => ({ clientAttemptId: id, seed: 42, answers });

describe("rememberAnonymousAttempt", () => {
  it("keeps an anonymous attempt and shows best and latest over the kept attempts of that quiz", () => {
    const storage = new MemoryStorage();
    const t0 = Date.UTC(2026, 4, 1);

    const first = rememberAnonymousAttempt(storage, "training-quiz", submit("attempt-0001"), reply(8.5), t0);
    expect(first.best).toEqual({ score: 8.5, maxScore: 12 });
    expect(first.latest).toEqual({ score: 8.5, maxScore: 12 });

    const second = rememberAnonymousAttempt(storage, "training-quiz", submit("attempt-0002"), reply(12), t0 + 1000);
    expect(second).toMatchObject({ score: 12, best: { score: 12 }, latest: { score: 12 } });

    // Another quiz's attempts do not count towards this one.
    rememberAnonymousAttempt(storage, "foundations-quiz", submit("attempt-0003"), reply(12), t0 + 1500);
    const third = rememberAnonymousAttempt(storage, "training-quiz", submit("attempt-0004", {}), reply(0), t0 + 2000);
    expect(third).toMatchObject({ score: 0, best: { score: 12, maxScore: 12 }, latest: { score: 0, maxScore: 12 } });

    expect(readLocalAttempts(storage)).toEqual([
      { clientAttemptId: "attempt-0001", quizId: "training-quiz", seed: 42, answers: { "kl-penalty": true }, createdAt: t0, score: 8.5, maxScore: 12 },
      { clientAttemptId: "attempt-0002", quizId: "training-quiz", seed: 42, answers: { "kl-penalty": true }, createdAt: t0 + 1000, score: 12, maxScore: 12 },
      { clientAttemptId: "attempt-0003", quizId: "foundations-quiz", seed: 42, answers: { "kl-penalty": true }, createdAt: t0 + 1500, score: 12, maxScore: 12 },
      { clientAttemptId: "attempt-0004", quizId: "training-quiz", seed: 42, answers: {}, createdAt: t0 + 2000, score: 0, maxScore: 12 },
    ]);
  });

  it("stores nothing for a signed-in learner: the server already holds the attempt", () => {
    const storage = new MemoryStorage();
    const response = reply(5, "account");
    expect(rememberAnonymousAttempt(storage, "training-quiz", submit("attempt-0001"), response)).toBe(response);
    expect(storage.getItem(KEYS.quizAttempts)).toBeNull();
  });

  it("falls back to the server's scores when storage is full or unavailable", () => {
    const storage = new MemoryStorage();
    rememberAnonymousAttempt(storage, "training-quiz", submit("attempt-0001"), reply(12), 1);
    storage.failWrites = true;
    const response = reply(3);
    expect(rememberAnonymousAttempt(storage, "training-quiz", submit("attempt-0002"), response, 2)).toBe(response);
    expect(rememberAnonymousAttempt(null, "training-quiz", submit("attempt-0003"), response, 3)).toBe(response);
  });
});

describe("the kept list", () => {
  it("holds the newest 200 attempts, one per clientAttemptId, and ignores malformed entries", () => {
    const storage = new MemoryStorage();
    storage.setItem(KEYS.quizAttempts, JSON.stringify([{ quizId: "training-quiz" }, "junk", null]));
    const record = (i: number): LocalQuizAttemptRecord => ({
      clientAttemptId: `attempt-${String(i).padStart(4, "0")}`,
      quizId: "training-quiz",
      seed: i,
      answers: {},
      createdAt: 1_000_000 + i,
      score: i % 13,
      maxScore: 12,
    });
    for (let i = 0; i < MAX_LOCAL_ATTEMPTS + 5; i++) expect(keepLocalAttempt(storage, record(i))).toBe(true);
    // A retry of the same attempt replaces it rather than adding one.
    keepLocalAttempt(storage, { ...record(MAX_LOCAL_ATTEMPTS + 4), createdAt: 9_000_000 });

    const kept = readLocalAttempts(storage);
    expect(kept).toHaveLength(MAX_LOCAL_ATTEMPTS);
    expect(kept[0].clientAttemptId).toBe("attempt-0005");
    expect(kept.at(-1)).toMatchObject({ clientAttemptId: "attempt-0204", createdAt: 9_000_000 });
    expect(new Set(kept.map((a) => a.clientAttemptId)).size).toBe(MAX_LOCAL_ATTEMPTS);
  });

  it("a corrupt value reads as no attempts", () => {
    const storage = new MemoryStorage();
    storage.setItem(KEYS.quizAttempts, "{not json");
    expect(readLocalAttempts(storage)).toEqual([]);
    expect(bestAndLatest([])).toBeNull();
  });

  it("best is the highest share of the maximum (the earliest of equals), latest the newest", () => {
    const a = (score: number, createdAt: number): LocalQuizAttemptRecord => ({ clientAttemptId: `id-${createdAt}-x`, quizId: "q", seed: 1, answers: {}, createdAt, score, maxScore: 12 });
    expect(bestAndLatest([a(6, 3), a(9, 1), a(9, 2), a(2, 5), a(4, 4)])).toEqual({ best: { score: 9, maxScore: 12 }, latest: { score: 2, maxScore: 12 } });
  });
});

describe("at sign-in", () => {
  it("the progress merge reads the kept attempts and the server's write path accepts them as they are", () => {
    const storage = new MemoryStorage();
    const t0 = Date.UTC(2026, 4, 1);
    rememberAnonymousAttempt(storage, "training-quiz", submit("0123456789abcdef0123456789abcdef", { "stage-order": ["sft", "pretrain", "reward", "rl"] }), reply(1), t0);

    expect(readLocalAttempts(storage).map((a) => a.clientAttemptId)).toEqual(["0123456789abcdef0123456789abcdef"]);
    const [request] = buildMergeRequests(storage, { userId: "user-1" });
    expect(request.quizAttempts).toHaveLength(1);
    // The merge hands each record (without quizId) to recordQuizAttempt, which grades it again.
    const { quizId, ...sent } = request.quizAttempts[0];
    expect(quizId).toBe("training-quiz");
    expect(parseSubmission(sent, { allowCreatedAt: true, now: new Date(t0 + 60_000) })).toEqual({
      clientAttemptId: "0123456789abcdef0123456789abcdef",
      seed: 42,
      answers: { "stage-order": ["sft", "pretrain", "reward", "rl"] },
      createdAt: new Date(t0),
    });
    // Before sign-in, the dashboard shows the kept score.
    expect(localSnapshot(storage).quizzes).toEqual([
      { id: "training-quiz", attempts: 1, best: { score: 1, maxScore: 12, at: t0 }, latest: { score: 1, maxScore: 12, at: t0 } },
    ]);
  });
});
