/**
 * recordQuizAttempt and the score reads against a real database (PGlite locally, PostgreSQL
 * in CI), with the course's own training-quiz: server-side grading, idempotency (also under
 * parallel duplicates), conflicts, best and latest, privacy between learners, merged attempts'
 * times, and the message every malformed submission gets.
 */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { setUpTestDatabase } from "@/tests/support/test-db";
import { HttpError } from "@/lib/http/errors";
import { errorResponse } from "@/lib/http/route";
import { loadCourseIndex } from "@/lib/course/course-index";
import { mergeLocalProgress, type MergeDependencies } from "@/lib/progress/merge";
import { mergeInputSchema } from "@/lib/progress/schemas";
import type { Answers } from "./grade";
import { listQuizAttempts, parseSubmission, readBestAndLatest, recordQuizAttempt, requireQuiz, type QuizSubmission } from "./attempts";

const t = setUpTestDatabase(8);

const QUIZ = "training-quiz";

/** Every question of training-quiz right: 12 / 12 (written out by hand, not computed by the code under test). */
const PERFECT: Answers = {
  "stage-order": ["pretrain", "sft", "reward", "rl"],
  "base-model": "continues",
  "pretraining-facts": ["expensive", "next-token", "base"],
  "pretraining-loss": "nll",
  "buggy-mask": "assistant-paris",
  "sft-loss-positions": 4,
  "reward-model-training": "rankings",
  "ranking-loss-tie": 0.693,
  "credit-per-token": "value model",
  "kl-penalty": true,
  "penalised-reward": 1.5,
  "stage-signals": { pretrain: "raw-text", sft: "demonstrations", reward: "rankings", rl: "scores" },
};

/** Three questions wrong and two of four pairs swapped in stage-signals: 12 - 3 - 0.5 = 8.5. */
const SOME_WRONG: Answers = {
  ...PERFECT,
  "base-model": "doesnt-know",
  "credit-per-token": "reward model",
  "sft-loss-positions": 9,
  "stage-signals": { pretrain: "demonstrations", sft: "raw-text", reward: "rankings", rl: "scores" },
};

/** Only the true-false question, right: 1 / 12. */
const ONE_RIGHT: Answers = { "kl-penalty": true };

const attemptId = () => randomBytes(16).toString("hex");
/** A submission as a client sends it; `createdAt` (epoch ms or ISO text) only as the merge sends it. */
const submission = (answers: Answers, extra: Partial<Omit<QuizSubmission, "createdAt">> & Record<string, unknown> = {}) => ({
  clientAttemptId: attemptId(),
  seed: 12345,
  answers,
  ...extra,
});

async function newUser(tag: string): Promise<string> {
  const user = await t.db.user.create({ data: { email: `${tag}-${attemptId()}@example.test`, name: tag } });
  return user.id;
}

/** The status and message a client would get for a rejected call. */
async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpError) return `${error.status}: ${error.message}`;
    throw error;
  }
  throw new Error("expected the call to be rejected");
}

const day = 86_400_000;

describe("recordQuizAttempt", () => {
  it("grades on the server and stores the attempt with its seed, answers and per-question results", async () => {
    const userId = await newUser("grade");
    const input = submission(SOME_WRONG);
    const result = await recordQuizAttempt(t.db, userId, QUIZ, input);

    expect(result).toMatchObject({ quizId: QUIZ, score: 8.5, maxScore: 12, percent: 70.8, passPercent: 70, passed: true, recorded: true });
    expect(result.results.map((r) => [r.questionId, r.credit])).toEqual([
      ["stage-order", 1],
      ["base-model", 0],
      ["pretraining-facts", 1],
      ["pretraining-loss", 1],
      ["buggy-mask", 1],
      ["sft-loss-positions", 0],
      ["reward-model-training", 1],
      ["ranking-loss-tie", 1],
      ["credit-per-token", 0],
      ["kl-penalty", 1],
      ["penalised-reward", 1],
      ["stage-signals", 0.5],
    ]);
    // After submission the learner gets the explanation and the correct answer.
    const baseModel = result.results.find((r) => r.questionId === "base-model")!;
    expect(baseModel).toMatchObject({ correct: false, correctAnswer: "continues", given: "doesnt-know" });
    expect(baseModel.explanation).toMatch(/^Pre-training teaches a model to continue text/);

    const stored = await t.db.quizAttempt.findUniqueOrThrow({ where: { id: result.attemptId } });
    expect(stored).toMatchObject({ userId, quizId: QUIZ, clientAttemptId: input.clientAttemptId, seed: 12345, score: 8.5, maxScore: 12 });
    expect(stored.answers).toEqual(SOME_WRONG);
    expect(stored.results).toEqual(result.results);
    expect(result.best).toEqual({ score: 8.5, maxScore: 12, createdAt: stored.createdAt });
    expect(result.latest).toEqual(result.best);
  });

  it("never trusts a score sent along: a merged local record is graded again from its answers", async () => {
    const userId = await newUser("claims");
    // What the browser keeps for an anonymous attempt (lib/learner-state/quizzes.ts), minus quizId.
    const local = { ...submission(ONE_RIGHT), createdAt: Date.now() - 1000, score: 12, maxScore: 12, percent: 100, passed: true };
    const result = await recordQuizAttempt(t.db, userId, QUIZ, local);
    expect(result).toMatchObject({ score: 1, maxScore: 12, passed: false, recorded: true });
    expect((await t.db.quizAttempt.findUniqueOrThrow({ where: { id: result.attemptId } })).score).toBe(1);
  });

  it("records the same submission once and answers it with the same result", async () => {
    const userId = await newUser("idem");
    const input = submission(SOME_WRONG);
    const first = await recordQuizAttempt(t.db, userId, QUIZ, input);
    // A retry: the same answers, with the keys in another order (PostgreSQL's jsonb does not keep key order anyway).
    const reordered = Object.fromEntries(Object.entries(SOME_WRONG).reverse());
    const again = await recordQuizAttempt(t.db, userId, QUIZ, { ...input, answers: reordered });

    expect(await t.db.quizAttempt.count({ where: { userId } })).toBe(1);
    expect(again.recorded).toBe(false);
    const { recorded: _r1, ...firstResult } = first;
    const { recorded: _r2, ...againResult } = again;
    expect(againResult).toEqual(firstResult);
  });

  it("treats an unanswered question sent as null like one left out", async () => {
    const userId = await newUser("nulls");
    const input = submission(ONE_RIGHT);
    await recordQuizAttempt(t.db, userId, QUIZ, input);
    const again = await recordQuizAttempt(t.db, userId, QUIZ, { ...input, answers: { ...ONE_RIGHT, "base-model": null } });
    expect(again).toMatchObject({ recorded: false, score: 1 });
    expect((await t.db.quizAttempt.findFirstOrThrow({ where: { userId } })).answers).toEqual(ONE_RIGHT);
    // Still, a question id the quiz does not have is refused even when its answer is null.
    expect(await rejection(recordQuizAttempt(t.db, userId, QUIZ, submission({ "no-such-question": null })))).toBe(
      '422: quiz "training-quiz" has no question "no-such-question"',
    );
  });

  it("refuses the same clientAttemptId with other answers, another seed or another quiz (409), changing nothing", async () => {
    const userId = await newUser("conflict");
    const input = submission(SOME_WRONG);
    await recordQuizAttempt(t.db, userId, QUIZ, input);

    expect(await rejection(recordQuizAttempt(t.db, userId, QUIZ, { ...input, answers: PERFECT }))).toBe(
      "409: This attempt was already submitted with different answers. Retake the quiz to submit new answers.",
    );
    expect(await rejection(recordQuizAttempt(t.db, userId, QUIZ, { ...input, seed: 54321 }))).toMatch(/^409: This attempt was already submitted/);
    expect(await rejection(recordQuizAttempt(t.db, userId, "foundations-quiz", { ...input, answers: {} }))).toBe(
      "409: This attempt was already submitted for another quiz. Retake the quiz to submit new answers.",
    );
    const rows = await t.db.quizAttempt.findMany({ where: { userId } });
    expect(rows.map((r) => [r.quizId, r.score])).toEqual([[QUIZ, 8.5]]);
  });

  it("records parallel duplicate submissions once; every caller gets the same result", async () => {
    const userId = await newUser("parallel");
    const input = submission(SOME_WRONG);
    const other = submission(PERFECT);
    const calls = [...Array.from({ length: 8 }, () => input), other, other];
    const results = await Promise.all(calls.map((i) => recordQuizAttempt(t.db, userId, QUIZ, i)));

    expect(await t.db.quizAttempt.count({ where: { userId } })).toBe(2);
    expect(results.filter((r) => r.recorded)).toHaveLength(2);
    const firstEight = results.slice(0, 8);
    expect(new Set(firstEight.map((r) => r.attemptId)).size).toBe(1);
    for (const r of firstEight) expect(r).toMatchObject({ score: 8.5, results: firstEight[0].results });
    expect(results[8].attemptId).toBe(results[9].attemptId);
  });

  it("a clientAttemptId belongs to one learner: two learners may use the same one", async () => {
    const [ann, ben] = [await newUser("ann-id"), await newUser("ben-id")];
    const shared = attemptId();
    await recordQuizAttempt(t.db, ann, QUIZ, submission(PERFECT, { clientAttemptId: shared }));
    const benResult = await recordQuizAttempt(t.db, ben, QUIZ, submission(ONE_RIGHT, { clientAttemptId: shared }));
    expect(benResult).toMatchObject({ recorded: true, score: 1, best: { score: 1 }, latest: { score: 1 } });
  });

  it("answers a session whose account was deleted with 401", async () => {
    const userId = await newUser("gone");
    await t.db.user.delete({ where: { id: userId } });
    expect(await rejection(recordQuizAttempt(t.db, userId, QUIZ, submission(PERFECT)))).toBe("401: Your account no longer exists. Sign in again.");
  });
});

describe("best and latest", () => {
  it("best is the highest score, latest the most recent, computed from what is stored", async () => {
    const userId = await newUser("scores");
    const t0 = Date.now() - 10 * day;
    const first = await recordQuizAttempt(t.db, userId, QUIZ, submission(SOME_WRONG, { createdAt: t0 }));
    expect(first.best).toEqual({ score: 8.5, maxScore: 12, createdAt: new Date(t0) });
    expect(first.latest).toEqual(first.best);

    const better = await recordQuizAttempt(t.db, userId, QUIZ, submission(PERFECT, { createdAt: t0 + day }));
    expect(better.best).toEqual({ score: 12, maxScore: 12, createdAt: new Date(t0 + day) });
    expect(better.latest).toEqual(better.best);

    const worse = await recordQuizAttempt(t.db, userId, QUIZ, submission(ONE_RIGHT, { createdAt: t0 + 2 * day }));
    expect(worse.best).toEqual(better.best);
    expect(worse.latest).toEqual({ score: 1, maxScore: 12, createdAt: new Date(t0 + 2 * day) });

    // An equal best later on does not replace the first one; an older attempt merged late is not "latest".
    await recordQuizAttempt(t.db, userId, QUIZ, submission(PERFECT, { createdAt: t0 + 3 * day }));
    const late = await recordQuizAttempt(t.db, userId, QUIZ, submission(SOME_WRONG, { createdAt: t0 - day }));
    expect(late.best.createdAt).toEqual(new Date(t0 + day));
    expect(late.latest).toEqual({ score: 12, maxScore: 12, createdAt: new Date(t0 + 3 * day) });
  });

  it("keeps merged times within [2024-01-01, now]; live attempts are timed by the server", async () => {
    const userId = await newUser("times");
    const before = Date.now();
    const future = await recordQuizAttempt(t.db, userId, QUIZ, submission(ONE_RIGHT, { createdAt: Date.now() + 30 * day }));
    expect(future.latest.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(future.latest.createdAt.getTime()).toBeLessThanOrEqual(Date.now());

    const ancient = await recordQuizAttempt(t.db, userId, QUIZ, submission(ONE_RIGHT, { createdAt: "1999-12-31T00:00:00Z" }));
    const stored = await t.db.quizAttempt.findUniqueOrThrow({ where: { id: ancient.attemptId } });
    expect(stored.createdAt.toISOString()).toBe("2024-01-01T00:00:00.000Z");

    // The route parses strictly, so a live submission cannot carry a time at all.
    expect(() => parseSubmission(submission(ONE_RIGHT, { createdAt: 0 }), { strict: true })).toThrow(/unknown field "createdAt"/);
  });

  it("a learner sees only their own attempts", async () => {
    const [ann, ben] = [await newUser("ann"), await newUser("ben")];
    const t0 = Date.now() - day;
    await recordQuizAttempt(t.db, ann, QUIZ, submission(PERFECT, { createdAt: t0 }));
    await recordQuizAttempt(t.db, ann, QUIZ, submission(SOME_WRONG, { createdAt: t0 + 1000 }));

    const benFirst = await recordQuizAttempt(t.db, ben, QUIZ, submission(ONE_RIGHT, { createdAt: t0 + 2000 }));
    expect(benFirst.best).toMatchObject({ score: 1 });
    expect(benFirst.latest).toMatchObject({ score: 1 });

    const benList = await listQuizAttempts(t.db, ben, requireQuiz(QUIZ));
    expect(benList).toEqual({
      quizId: QUIZ,
      passPercent: 70,
      count: 1,
      attempts: [{ score: 1, maxScore: 12, createdAt: new Date(t0 + 2000) }],
      best: { score: 1, maxScore: 12, createdAt: new Date(t0 + 2000) },
      latest: { score: 1, maxScore: 12, createdAt: new Date(t0 + 2000) },
    });

    const annList = await listQuizAttempts(t.db, ann, requireQuiz(QUIZ));
    expect(annList.count).toBe(2);
    expect(annList.attempts.map((a) => a.score)).toEqual([8.5, 12]);
    expect(annList.best).toMatchObject({ score: 12 });
    expect(annList.latest).toMatchObject({ score: 8.5 });

    // Another quiz of Ann's has nothing yet.
    expect(await readBestAndLatest(t.db, ann, "foundations-quiz")).toEqual({ best: null, latest: null });
  });
});

describe("at sign-in", () => {
  it("the progress merge stores attempts kept in the browser once, graded again, with their own times", async () => {
    const userId = await newUser("merged");
    const t0 = Date.now() - 2 * day;
    // Records as lib/learner-state/quizzes.ts keeps them (the score is display-only).
    const kept = [
      { quizId: QUIZ, ...submission(SOME_WRONG), createdAt: t0, score: 8.5, maxScore: 12 },
      { quizId: QUIZ, ...submission(ONE_RIGHT), createdAt: t0 + 1000, score: 12, maxScore: 12 },
      { quizId: "retired-quiz", ...submission(PERFECT), createdAt: t0 + 2000, score: 12, maxScore: 12 },
    ];
    const deps: MergeDependencies = {
      recordExerciseRun: async () => Promise.reject(new Error("no exercise runs in this merge")),
      saveDraft: async () => Promise.reject(new Error("no drafts in this merge")),
      recordQuizAttempt,
    };
    const input = mergeInputSchema.parse({ quizAttempts: kept });
    const merged = await mergeLocalProgress(t.db, loadCourseIndex().catalog, userId, input, deps);
    expect(merged.quizAttempts).toEqual({
      merged: [kept[0].clientAttemptId, kept[1].clientAttemptId],
      rejected: [{ key: kept[2].clientAttemptId, reason: 'There is no quiz "retired-quiz".' }],
      kept: [],
    });
    // A second tab merging the same local data changes nothing.
    await mergeLocalProgress(t.db, loadCourseIndex().catalog, userId, input, deps);

    const rows = await t.db.quizAttempt.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.score, r.createdAt.getTime()])).toEqual([
      [8.5, t0],
      [1, t0 + 1000],
    ]);
    expect(await readBestAndLatest(t.db, userId, QUIZ)).toEqual({
      best: { score: 8.5, maxScore: 12, createdAt: new Date(t0) },
      latest: { score: 1, maxScore: 12, createdAt: new Date(t0 + 1000) },
    });
  });
});

describe("malformed submissions", () => {
  it("each gets a 4xx with a message that says what is wrong, and nothing is stored", async () => {
    const userId = await newUser("invalid");
    const reject = (input: unknown, quizId = QUIZ) => rejection(recordQuizAttempt(t.db, userId, quizId, input));
    const ok = submission(PERFECT);

    expect(await reject(ok, "no-such-quiz")).toBe('404: There is no quiz "no-such-quiz".');
    expect(await reject(ok, "../../package")).toBe('404: There is no quiz "../../package".');
    expect(await reject("answers")).toBe("422: The request body must be a JSON object with answers, seed and clientAttemptId.");
    expect(await reject([ok])).toBe("422: The request body must be a JSON object with answers, seed and clientAttemptId.");
    expect(await reject({ ...ok, clientAttemptId: undefined })).toBe("422: clientAttemptId is missing");
    expect(await reject({ ...ok, clientAttemptId: "short" })).toBe('422: clientAttemptId must be 8-100 letters, digits, "-" or "_"');
    expect(await reject({ ...ok, clientAttemptId: "<script>alert(1)</script>" })).toMatch(/^422: clientAttemptId must be/);
    expect(await reject({ ...ok, seed: undefined })).toBe("422: seed is missing");
    for (const seed of [-1, 1.5, 2 ** 31, "7", null])
      expect(await reject({ ...ok, seed })).toBe("422: seed must be a whole number from 0 to 2147483647");
    expect(await reject({ ...ok, answers: undefined })).toBe("422: answers is missing");
    expect(await reject({ ...ok, answers: ["pretrain"] })).toBe("422: answers must be an object mapping question ids to answers");
    expect(await reject({ ...ok, answers: { "no-such-question": "a" } })).toBe('422: quiz "training-quiz" has no question "no-such-question"');
    expect(await reject({ ...ok, answers: { "base-model": 3 } })).toBe("422: question base-model: the answer must be the id of one option");
    expect(await reject({ ...ok, answers: { "base-model": "paris" } })).toBe('422: question base-model has no option "paris"');
    expect(await reject({ ...ok, answers: { "stage-order": ["pretrain", "sft"] } })).toBe("422: question stage-order: put all 4 items in order (got 2)");
    expect(await reject({ ...ok, answers: { "stage-order": ["sft", "sft", "reward", "rl"] } })).toBe('422: question stage-order: item "sft" is given twice');
    expect(await reject({ ...ok, answers: { "kl-penalty": "true" } })).toBe("422: question kl-penalty: the answer must be true or false");
    expect(await reject({ ...ok, answers: { "sft-loss-positions": "4" } })).toBe("422: question sft-loss-positions: the answer must be a finite number");
    expect(await reject({ ...ok, answers: { "stage-signals": { pretrain: "nothing" } } })).toBe('422: question stage-signals has no right option "nothing"');
    expect(await reject({ ...ok, createdAt: "yesterday" })).toBe("422: createdAt must be a time (milliseconds since 1970 or an ISO date)");

    expect(await t.db.quizAttempt.count({ where: { userId } })).toBe(0);
  });

  it("the HTTP answer is the status with the message, never a 500", async () => {
    let caught: unknown;
    try {
      await recordQuizAttempt(t.db, await newUser("http"), QUIZ, submission({ "base-model": ["continues"] }));
    } catch (error) {
      caught = error;
    }
    const response = errorResponse(caught);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: "question base-model: the answer must be the id of one option" });
  });
});
