import { randomUUID } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { setUpTestDatabase } from "@/tests/support/test-db";
import type { PrismaClient } from "../db/create-client";
import { fixtureCatalog } from "../../tests/support/progress-catalog-fixture";
import { writeLessonProgress } from "./lessons";
import { getDashboard, readProgressOverview, readProgressSnapshot } from "./snapshot";
import { setTrack } from "./account";
import { createLearner } from "../../tests/support/test-users";

const catalog = fixtureCatalog();
const t = setUpTestDatabase(5);

/** A stored quiz attempt, as the quiz write path leaves it. */
function quizAttempt(db: PrismaClient, userId: string, quizId: string, score: number, maxScore: number, createdAt: string) {
  return db.quizAttempt.create({
    data: { userId, quizId, clientAttemptId: randomUUID(), seed: 1, answers: {}, results: [], score, maxScore, createdAt: new Date(createdAt) },
  });
}

function exerciseProgress(db: PrismaClient, userId: string, exerciseId: string, bestPassed: number, testsTotal: number, firstPassedAt: string | null) {
  return db.exerciseProgress.create({
    data: { userId, exerciseId, attempts: 2, bestPassed, testsTotal, firstPassedAt: firstPassedAt ? new Date(firstPassedAt) : null, lastAttemptAt: new Date("2026-05-03T10:00:00Z") },
  });
}

describe("readProgressSnapshot and getDashboard", () => {
  it("gives best and latest score per quiz, the earliest of equal bests", async () => {
    const me = await createLearner(t.db);
    await quizAttempt(t.db, me.id, "basics-quiz", 6, 10, "2026-05-01T10:00:00Z");
    await quizAttempt(t.db, me.id, "basics-quiz", 8, 10, "2026-05-02T10:00:00Z");
    await quizAttempt(t.db, me.id, "basics-quiz", 8, 10, "2026-05-03T10:00:00Z");
    await quizAttempt(t.db, me.id, "basics-quiz", 5, 10, "2026-05-04T10:00:00Z");
    await quizAttempt(t.db, me.id, "attention-quiz", 3, 8, "2026-05-05T10:00:00Z");
    const snapshot = await readProgressSnapshot(t.db, me.id);
    const basics = snapshot.quizzes.find((q) => q.id === "basics-quiz");
    expect(basics).toEqual({
      id: "basics-quiz",
      attempts: 4,
      best: { score: 8, maxScore: 10, at: Date.parse("2026-05-02T10:00:00Z") },
      latest: { score: 5, maxScore: 10, at: Date.parse("2026-05-04T10:00:00Z") },
    });
    await t.db.exerciseAttempt.create({
      data: { userId: me.id, exerciseId: "softmax", clientRunId: randomUUID(), code: "", passed: false, testsPassed: 3, testsTotal: 5, results: [], durationMs: 9, status: "verified_fail",
        claimedPassed: false, claimedTestsPassed: 3, claimedTestsTotal: 5, claimedResults: [], createdAt: new Date("2026-05-06T10:00:00Z") },
    });
    const dashboard = await getDashboard(t.db, catalog, me.id);
    expect(dashboard.quizzes.passed).toBe(1);
    expect(dashboard.recentActivity.slice(0, 3).map((a) => a.text)).toEqual([
      "Ran exercise “Softmax”: 3 / 5 tests passed",
      "Took quiz “Attention quiz”: 3 / 8",
      "Took quiz “Basics quiz”: 5 / 10",
    ]);
  });

  it("builds the whole dashboard from stored rows, with removed content reported, not crashed on", async () => {
    const me = await createLearner(t.db);
    await writeLessonProgress(t.db, catalog, me.id, "what-is-ai", { complete: true, time: { visitId: "visit-one-1", seconds: 300 } }, new Date("2026-05-01T10:00:00Z"));
    await writeLessonProgress(t.db, catalog, me.id, "self-attention", { section: "softmax", time: { visitId: "visit-two-2", seconds: 120 } }, new Date("2026-05-02T10:00:00Z"));
    // Rows for content that has since left the course (written when it existed).
    await t.db.lessonProgress.createMany({
      data: [
        { userId: me.id, lessonSlug: "old-lesson-one", status: "COMPLETE", completedAt: new Date("2025-01-01T00:00:00Z"), timeSpentSeconds: 60 },
        { userId: me.id, lessonSlug: "old-lesson-two", timeSpentSeconds: 0 },
      ],
    });
    await exerciseProgress(t.db, me.id, "softmax", 5, 5, "2026-05-03T09:00:00Z");
    await exerciseProgress(t.db, me.id, "attention", 3, 5, null);

    const d = await getDashboard(t.db, catalog, me.id);
    expect(d.orphans.messages).toEqual(["2 items refer to lessons no longer in the course"]);
    expect(d.timeSpentSeconds).toBe(480);
    expect(d.lessons).toEqual({ done: 1, total: 5 });
    expect(d.exercises).toMatchObject({ passed: 1, total: 3, counted: true });
    expect(d.overall).toEqual({ done: 2, total: 10, percent: 20 });
    expect(d.continueAt).toMatchObject({ href: "/learn/attention/self-attention#softmax", reason: "resume", sectionTitle: "Softmax" });
    expect(d.chapters.map((c) => `${c.slug} ${c.done}/${c.total}`)).toEqual(["basics 1/3", "attention 1/7"]);

    // Switching to the concept track changes the counts, not the data.
    await setTrack(t.db, me.id, "CONCEPT");
    const concept = await getDashboard(t.db, catalog, me.id);
    expect(concept.overall).toEqual({ done: 1, total: 6, percent: 17 });
    expect(await t.db.exerciseProgress.count({ where: { userId: me.id } })).toBe(2);
    await setTrack(t.db, me.id, "BUILDER");
    expect((await getDashboard(t.db, catalog, me.id)).overall).toEqual(d.overall);
  });

  it("reads only the learner's own rows", async () => {
    const a = await createLearner(t.db, "Ann");
    const b = await createLearner(t.db, "Ben");
    await writeLessonProgress(t.db, catalog, a.id, "what-is-ai", { complete: true });
    await quizAttempt(t.db, a.id, "basics-quiz", 9, 10, "2026-05-01T10:00:00Z");
    await exerciseProgress(t.db, a.id, "softmax", 5, 5, "2026-05-03T09:00:00Z");
    const snapshot = await readProgressSnapshot(t.db, b.id);
    expect(snapshot).toEqual({ track: "BUILDER", lessons: [], exercises: [], quizzes: [], events: [] });
    expect(await readProgressOverview(t.db, b.id)).toEqual({ track: "BUILDER", lessons: {}, exercisesPassed: [] });
    expect(await readProgressOverview(t.db, a.id)).toEqual({ track: "BUILDER", lessons: { "what-is-ai": { status: "complete", section: null } }, exercisesPassed: ["softmax"] });
  });

  it("answers 401 for an account that no longer exists", async () => {
    await expect(readProgressSnapshot(t.db, "no-such-user")).rejects.toMatchObject({ status: 401 });
    await expect(readProgressOverview(t.db, "no-such-user")).rejects.toMatchObject({ status: 401 });
  });
});
