import { randomUUID } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { setUpTestDatabase } from "@/tests/support/test-db";
import { recordAttempt } from "../exercises/attempts";
import { saveDraft } from "../exercises/drafts";
import { recordQuizAttempt } from "../quiz/attempts";
import { HttpError } from "../http/errors";
import { loadCourseIndex } from "../course/course-index";
import { writeLessonProgress } from "./lessons";
import { mergeLocalProgress, type MergeDependencies } from "./merge";
import { mergeInputSchema } from "./schemas";
import { createLearner } from "../../tests/support/test-users";

// The real course: exercise runs go through the real recordAttempt, which checks ids against the registry.
const catalog = loadCourseIndex().catalog;
const t = setUpTestDatabase(5);

const deps: MergeDependencies = { recordExerciseRun: recordAttempt, saveDraft, recordQuizAttempt };
const at = (iso: string) => new Date(iso).getTime();

function run(exerciseId: string, testsPassed: number, createdAt: number, testsTotal = 4) {
  return {
    exerciseId,
    clientRunId: randomUUID(),
    code: `export function softmax() { /* ${testsPassed} */ }`,
    passed: testsPassed === testsTotal,
    testsPassed,
    testsTotal,
    results: Array.from({ length: testsTotal }, (_, i) => ({ name: `test ${i + 1}`, status: i < testsPassed ? ("pass" as const) : ("fail" as const) })),
    durationMs: 12,
    createdAt,
  };
}

const merge = (userId: string, body: unknown, d: MergeDependencies = deps, now = new Date("2026-06-01T12:00:00Z")) =>
  mergeLocalProgress(t.db, catalog, userId, mergeInputSchema.parse(body), d, now);

describe("mergeLocalProgress", () => {
  it("unions local and stored lessons, keeping the stored completion and the newer section, and adding local reading time", async () => {
    const me = await createLearner(t.db);
    // Stored: what-is-ai completed on June 1st; self-attention read on May 20th at "softmax".
    await writeLessonProgress(t.db, catalog, me.id, "what-is-ai", { complete: true }, new Date("2026-06-01T09:00:00Z"));
    await writeLessonProgress(t.db, catalog, me.id, "self-attention", { section: "softmax", time: { visitId: "server-visit-1", seconds: 100 } }, new Date("2026-05-20T09:00:00Z"));

    const body = {
      lessons: [
        { slug: "what-is-ai", status: "complete", startedAt: at("2026-05-01T08:00:00Z"), completedAt: at("2026-05-01T08:30:00Z"), updatedAt: at("2026-05-01T08:30:00Z"), time: { visitId: "local-what-is-ai", seconds: 600 } },
        { slug: "self-attention", status: "in-progress", section: "scaling", startedAt: at("2026-05-25T08:00:00Z"), updatedAt: at("2026-05-25T08:10:00Z"), time: { visitId: "local-self-attention", seconds: 50 } },
        { slug: "aigc-and-agi", status: "in-progress", section: "agi", startedAt: at("2026-05-02T08:00:00Z"), updatedAt: at("2026-05-02T08:05:00Z") },
      ],
    };
    const result = await merge(me.id, body);
    expect(result.lessons).toEqual({ merged: ["what-is-ai", "self-attention", "aigc-and-agi"], rejected: [], kept: [] });

    const rows = Object.fromEntries((await t.db.lessonProgress.findMany({ where: { userId: me.id } })).map((r) => [r.lessonSlug, r]));
    // The browser's dates (May 1st) are not believed: the completion the server recorded stands.
    expect(rows["what-is-ai"]).toMatchObject({ status: "COMPLETE", completedAt: new Date("2026-06-01T09:00:00Z"), startedAt: new Date("2026-06-01T09:00:00Z"), timeSpentSeconds: 600 });
    // The local report (May 25th) is newer than the stored one (May 20th): its section wins; times add up.
    expect(rows["self-attention"]).toMatchObject({ status: "IN_PROGRESS", lastSection: "scaling", timeSpentSeconds: 150 });
    // A lesson only the browser knew starts when the server heard of it (the merge's time).
    expect(rows["aigc-and-agi"]).toMatchObject({ status: "IN_PROGRESS", lastSection: "agi", startedAt: new Date("2026-06-01T12:00:00Z") });

    // The same local data again (a retry after a lost answer) changes nothing.
    await merge(me.id, body);
    const again = Object.fromEntries((await t.db.lessonProgress.findMany({ where: { userId: me.id } })).map((r) => [r.lessonSlug, r]));
    expect(again).toEqual(rows);
  });

  it("never lets an older local section replace a newer stored one", async () => {
    const me = await createLearner(t.db);
    await writeLessonProgress(t.db, catalog, me.id, "self-attention", { section: "softmax" }, new Date("2026-05-20T09:00:00Z"));
    await merge(me.id, { lessons: [{ slug: "self-attention", status: "in-progress", section: "old-place", updatedAt: at("2026-05-10T08:00:00Z") }] });
    expect(await t.db.lessonProgress.findUnique({ where: { userId_lessonSlug: { userId: me.id, lessonSlug: "self-attention" } } })).toMatchObject({ lastSection: "softmax" });
  });

  it("rejects lessons no longer in the course one by one, merging the rest", async () => {
    const me = await createLearner(t.db);
    const result = await merge(me.id, {
      lessons: [
        { slug: "removed-lesson", status: "complete", updatedAt: at("2026-05-01T08:00:00Z") },
        { slug: "what-is-ai", status: "complete", updatedAt: at("2026-05-01T08:00:00Z") },
      ],
    });
    expect(result.lessons).toEqual({ merged: ["what-is-ai"], rejected: [{ key: "removed-lesson", reason: 'There is no lesson "removed-lesson" in the course.' }], kept: [] });
  });

  it("records local exercise runs once each, at server times in the browser's order, counting only verified passes", async () => {
    const me = await createLearner(t.db);
    const queued: string[] = [];
    const withQueue: MergeDependencies = { ...deps, queueVerification: async (ids) => void queued.push(...ids) };
    // A forged local history: a "pass" dated 2024-01-02, before the course existed.
    const local = [run("softmax", 4, at("2026-05-01T10:05:00Z")), run("softmax", 4, at("2024-01-02T00:00:00Z")), run("causal-mask", 1, at("2026-05-02T10:00:00Z"), 3)];
    const result = await merge(me.id, { exerciseRuns: local }, withQueue);
    expect(result.exerciseRuns.merged).toEqual([local[1], local[0], local[2]].map((r) => r.clientRunId));
    await merge(me.id, { exerciseRuns: local }, withQueue);
    // Every run recorded once and queued once for the server's check.
    expect(await t.db.exerciseAttempt.count({ where: { userId: me.id } })).toBe(3);
    expect(queued).toHaveLength(3);

    const stored = await t.db.exerciseAttempt.findMany({ where: { userId: me.id }, orderBy: { createdAt: "asc" } });
    expect(stored.map((r) => r.clientRunId)).toEqual([local[1], local[0], local[2]].map((r) => r.clientRunId));
    const mergedAt = new Date("2026-06-01T12:00:00Z").getTime();
    for (const row of stored) {
      expect(row.createdAt.getTime()).toBeLessThanOrEqual(mergedAt);
      expect(row.createdAt.getTime()).toBeGreaterThan(mergedAt - 1000);
    }
    // The claims count for nothing: no pass, and no back-dated first pass.
    const softmax = await t.db.exerciseProgress.findUnique({ where: { userId_exerciseId: { userId: me.id, exerciseId: "softmax" } } });
    expect(softmax).toMatchObject({ attempts: 2, bestPassed: 0, firstPassedAt: null, attemptsToPass: null });
  });

  it("rejects a malformed run or an unknown exercise with a reason, and merges the others", async () => {
    const me = await createLearner(t.db);
    const good = run("softmax", 1, at("2026-05-01T10:00:00Z"));
    const lying = { ...run("softmax", 1, at("2026-05-01T10:00:00Z")), passed: true };
    const unknown = run("no-such-exercise", 1, at("2026-05-01T10:00:00Z"));
    const result = await merge(me.id, { exerciseRuns: [good, lying, unknown] });
    expect(result.exerciseRuns.merged).toEqual([good.clientRunId]);
    expect(result.exerciseRuns.rejected).toEqual([
      { key: lying.clientRunId, reason: "passed: passed must be true exactly when every test passed (testsPassed equals testsTotal)" },
      { key: unknown.clientRunId, reason: 'There is no exercise called "no-such-exercise".' },
    ]);
  });

  it("keeps the newer of the local and the stored draft", async () => {
    const me = await createLearner(t.db);
    await saveDraft(t.db, me.id, "softmax", { code: "server, newer", updatedAt: at("2026-05-10T10:00:00Z") });
    await saveDraft(t.db, me.id, "causal-mask", { code: "server, older", updatedAt: at("2026-05-01T10:00:00Z") });
    const result = await merge(me.id, {
      drafts: [
        { exerciseId: "softmax", code: "local, older", updatedAt: at("2026-05-05T10:00:00Z") },
        { exerciseId: "causal-mask", code: "local, newer", updatedAt: at("2026-05-05T10:00:00Z") },
      ],
    });
    expect(result.drafts.merged).toEqual(["softmax", "causal-mask"]);
    const drafts = await t.db.exerciseDraft.findMany({ where: { userId: me.id }, orderBy: { exerciseId: "asc" } });
    expect(drafts.map((d) => [d.exerciseId, d.code])).toEqual([
      ["causal-mask", "local, newer"],
      ["softmax", "server, newer"],
    ]);
  });

  it("hands quiz attempts to the quiz write path, which may reject one for good", async () => {
    const me = await createLearner(t.db);
    const attempts = [
      { clientAttemptId: "a1", quizId: "foundations-quiz", seed: 1, answers: {}, createdAt: at("2026-05-01T10:00:00Z") },
      { clientAttemptId: "a2", quizId: "no-such-quiz", seed: 2, answers: {}, createdAt: at("2026-05-01T11:00:00Z") },
    ];
    const seen: string[] = [];
    const withRecorder = await merge(me.id, { quizAttempts: attempts }, {
      ...deps,
      recordQuizAttempt: async (_db, userId, quizId, input) => {
        if (quizId === "no-such-quiz") throw new HttpError(404, "There is no quiz no-such-quiz.");
        seen.push(`${userId}:${quizId}:${(input as { clientAttemptId: string }).clientAttemptId}`);
      },
    });
    expect(withRecorder.quizAttempts).toEqual({ merged: ["a1"], rejected: [{ key: "a2", reason: "There is no quiz no-such-quiz." }], kept: [] });
    expect(seen).toEqual([`${me.id}:foundations-quiz:a1`]);
  });

  it("fails the whole merge on an unexpected error, so the browser keeps its copy", async () => {
    const me = await createLearner(t.db);
    const broken: MergeDependencies = { ...deps, recordExerciseRun: async () => Promise.reject(new Error("database unavailable")) };
    await expect(merge(me.id, { exerciseRuns: [run("softmax", 1, at("2026-05-01T10:00:00Z"))] }, broken)).rejects.toThrow("database unavailable");
  });

  it("adopts the track chosen before sign-up only when asked", async () => {
    const me = await createLearner(t.db);
    expect((await merge(me.id, { lessons: [] })).track).toBeNull();
    expect((await t.db.user.findUnique({ where: { id: me.id } }))!.track).toBe("BUILDER");
    expect((await merge(me.id, { adoptTrack: "CONCEPT" })).track).toBe("CONCEPT");
    expect((await t.db.user.findUnique({ where: { id: me.id } }))!.track).toBe("CONCEPT");
  });

  it("writes only into the signed-in learner's account", async () => {
    const a = await createLearner(t.db, "Ann");
    const b = await createLearner(t.db, "Ben");
    await writeLessonProgress(t.db, catalog, a.id, "what-is-ai", { section: "a-place" });
    await merge(b.id, { lessons: [{ slug: "what-is-ai", status: "complete", section: "b-place", updatedAt: Date.now() }], exerciseRuns: [run("softmax", 4, Date.now())] });
    expect(await t.db.lessonProgress.findMany({ where: { userId: a.id }, select: { lessonSlug: true, status: true, lastSection: true } })).toEqual([
      { lessonSlug: "what-is-ai", status: "IN_PROGRESS", lastSection: "a-place" },
    ]);
    expect(await t.db.exerciseAttempt.count({ where: { userId: a.id } })).toBe(0);
  });
});

describe("mergeLocalProgress with the quiz write path", () => {
  it("regrades local quiz attempts on the server (a score kept in the browser is not trusted), once each", async () => {
    const me = await createLearner(t.db);
    const attempts = [
      // The browser claims 12 / 12, but only one answer is right: the server scores 1.
      { clientAttemptId: "local-attempt-0001", quizId: "foundations-quiz", seed: 1, answers: { "ai-definition": "field" }, createdAt: at("2026-05-01T10:00:00Z"), score: 12, maxScore: 12 },
      { clientAttemptId: "local-attempt-0002", quizId: "foundations-quiz", seed: 2, answers: {}, createdAt: at("2026-05-02T10:00:00Z"), score: 0, maxScore: 12 },
      { clientAttemptId: "local-attempt-0003", quizId: "foundations-quiz", seed: 3, answers: { "no-such-question": "x" }, createdAt: at("2026-05-03T10:00:00Z"), score: 0, maxScore: 12 },
    ];
    const result = await merge(me.id, { quizAttempts: attempts });
    expect(result.quizAttempts.merged).toEqual(["local-attempt-0001", "local-attempt-0002"]);
    expect(result.quizAttempts.rejected.map((r) => r.key)).toEqual(["local-attempt-0003"]);
    await merge(me.id, { quizAttempts: attempts });

    const stored = await t.db.quizAttempt.findMany({ where: { userId: me.id }, orderBy: { createdAt: "asc" }, select: { clientAttemptId: true, score: true, createdAt: true } });
    expect(stored).toEqual([
      { clientAttemptId: "local-attempt-0001", score: 1, createdAt: new Date("2026-05-01T10:00:00Z") },
      { clientAttemptId: "local-attempt-0002", score: 0, createdAt: new Date("2026-05-02T10:00:00Z") },
    ]);
  });
});

describe("mergeInputSchema", () => {
  it("rejects bad shapes with readable messages", () => {
    expect(() => mergeInputSchema.parse({ lessons: [{ slug: "Bad Slug", status: "done", updatedAt: 1 }] })).toThrow(/slug must be a lower-case id/);
    expect(() => mergeInputSchema.parse({ userId: "someone-else" })).toThrow(/Unrecognized key/);
    expect(() => mergeInputSchema.parse({ lessons: Array.from({ length: 501 }, () => ({ slug: "a", status: "complete", updatedAt: 1 })) })).toThrow(/at most 500 lessons/);
  });
});
