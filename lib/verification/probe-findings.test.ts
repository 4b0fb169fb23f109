/**
 * The findings of issue 14's probe that this branch owns, each reproduced through the real write
 * path (recordAttempt, then the server's verification) and read back through every view:
 * the learner's progress and dashboard, the instructor's matrix, roster, timeline and item
 * analysis. PGlite locally, PostgreSQL with TEST_DATABASE_URL.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startTestDatabase, type TestDatabase } from "@/tests/support/test-db";
import { recordAttempt } from "@/lib/exercises/attempts";
import { getProgress } from "@/lib/exercises/progress";
import { loadCourseIndex } from "@/lib/course/course-index";
import { getMatrixPage, cellText } from "@/lib/analytics/matrix";
import { getRoster } from "@/lib/analytics/roster";
import { getLearnerOverview } from "@/lib/analytics/learner";
import { getExerciseAnalytics } from "@/lib/analytics/exercises";
import { addLearner } from "@/tests/support/cohort-analytics-fixture";
import { isExercisePassed } from "@/lib/progress/passed";
import { verifyAttempt } from "./verify-attempt";

const outline = loadCourseIndex().outline;
let t: TestDatabase;
let cohortId: string;

beforeAll(async () => {
  t = await startTestDatabase(4);
  const owner = await t.db.user.create({ data: { email: `teacher-${randomUUID()}@example.test`, name: "Teacher", role: "INSTRUCTOR" } });
  const cohort = await t.db.cohort.create({
    data: { name: "Probe cohort", startsAt: new Date(), joinCode: "PROBE014", createdById: owner.id, instructors: { create: { userId: owner.id } } },
  });
  cohortId = cohort.id;
});
afterAll(async () => {
  await t?.stop();
});

const code = (id: string, file: string) => readFileSync(path.join(__dirname, "..", "..", "exercises", id, file), "utf8");

async function submit(userId: string, exerciseId: string, claim: { code: string; testsPassed: number; testsTotal: number; createdAt?: string }) {
  const { attemptId } = await recordAttempt(t.db, userId, exerciseId, {
    clientRunId: randomUUID(),
    code: claim.code,
    passed: claim.testsPassed === claim.testsTotal,
    testsPassed: claim.testsPassed,
    testsTotal: claim.testsTotal,
    results: [],
    durationMs: 3,
    createdAt: claim.createdAt,
  });
  await verifyAttempt(t.db, attemptId);
  return t.db.exerciseAttempt.findUniqueOrThrow({ where: { id: attemptId } });
}

async function instructorViews(learnerId: string, exerciseId: string) {
  const matrix = await getMatrixPage(t.db, cohortId, outline, { pageSize: 100 });
  const column = matrix.columns.findIndex((c) => c.kind === "exercise" && c.id === exerciseId);
  const cell = matrix.rows.find((r) => r.learner.id === learnerId)!.cells[column];
  const roster = (await getRoster(t.db, cohortId, outline)).find((r) => r.id === learnerId)!;
  const overview = await getLearnerOverview(t.db, learnerId, new Date(0), outline);
  const stats = (await getExerciseAnalytics(t.db, cohortId, outline)).find((s) => s.id === exerciseId)!;
  return { cell: cellText(cell), roster: roster.completion.exercisesPassed, overview, stats };
}

describe("issue 14 probe findings", () => {
  it("a forged 'all 1 tests passed' run of scaled-dot-product-attention ends verified_fail and counts nowhere", async () => {
    const learner = await addLearner(t.db, cohortId, "Forger");
    const row = await submit(learner.id, "scaled-dot-product-attention", { code: "export function scaledDotProductAttention() {}", testsPassed: 1, testsTotal: 1 });
    expect(row).toMatchObject({ status: "verified_fail", passed: false, testsTotal: 9, claimedPassed: true, claimedTestsTotal: 1 });

    expect((await getProgress(t.db, learner.id, "scaled-dot-product-attention")).completed).toBe(false);
    const views = await instructorViews(learner.id, "scaled-dot-product-attention");
    expect(views.cell).toMatch(/not passed/);
    expect(views.roster).toBe(0);
    expect(views.stats).toMatchObject({ attempted: 1, passed: 0 });
    const event = views.overview.timeline.find((e) => e.kind === "exercise-run");
    expect(event).toMatchObject({ status: "verified_fail", testsTotal: 9, claimedPassed: true });
  });

  it("two failed runs (5/6, then 0/1) are 'not passed' for the learner and the instructor alike", async () => {
    const learner = await addLearner(t.db, cohortId, "Two fails");
    await submit(learner.id, "softmax", { code: code("softmax", "wrong/global-max.ts"), testsPassed: 5, testsTotal: 6 });
    await submit(learner.id, "softmax", { code: "export function softmax(x) { return x; }", testsPassed: 0, testsTotal: 1 });
    const learnerSees = await getProgress(t.db, learner.id, "softmax");
    expect(learnerSees.completed).toBe(false);
    const views = await instructorViews(learner.id, "softmax");
    expect(views.cell).toMatch(/2 attempts, not passed/);
    expect(views.roster).toBe(0);
    expect(views.overview.exercises.find((e) => e.id === "softmax")).toMatchObject({ passed: false });
    // The rule itself: a best of 5 next to a later run's total of 1 is not a pass.
    expect(isExercisePassed({ firstPassedAt: null })).toBe(false);
  });

  it("a run dated 2024-01-02 by the browser is stamped with the server's time, also as the first pass", async () => {
    const learner = await addLearner(t.db, cohortId, "Time traveller");
    const before = Date.now();
    const row = await submit(learner.id, "softmax", { code: code("softmax", "solution.ts"), testsPassed: 12, testsTotal: 12, createdAt: "2024-01-02T00:00:00.000Z" });
    expect(row.status).toBe("verified_pass");
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    const progress = await getProgress(t.db, learner.id, "softmax");
    expect(progress.completed).toBe(true);
    expect(Date.parse(progress.firstPassedAt!)).toBeGreaterThanOrEqual(before);
    const views = await instructorViews(learner.id, "softmax");
    expect(views.cell).toMatch(/passed/);
    expect(views.cell).not.toMatch(/not passed/);
    expect(views.roster).toBe(1);
  });
});
