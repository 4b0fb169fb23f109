/**
 * The activity chart counts learner-days from the roll-up the database's triggers keep
 * (LearnerActivityDay): written by the app's real write paths, never by the app itself.
 * Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startTestDatabase, type TestDatabase } from "@/tests/support/test-db";
import { addLearner, recordQuizzes, recordRuns } from "../../tests/support/cohort-analytics-fixture";
import { getProgressCatalog } from "@/lib/course/course-index-server";
import { writeLessonProgress } from "../progress/lessons";
import { getActivity } from "./activity";

const DAY = 86_400_000;
const NOW = new Date("2026-11-20T12:00:00Z");
const ago = (days: number, hours = 0) => new Date(NOW.getTime() - days * DAY - hours * 3_600_000);
const catalog = getProgressCatalog();
const [first, second] = catalog.lessons.map((l) => l.slug);

let t: TestDatabase;
let cohortId: string;

beforeAll(async () => {
  t = await startTestDatabase();
  const owner = await t.db.user.create({ data: { name: "Ivo", email: "ivo-activity@example.test", role: "INSTRUCTOR" } });
  cohortId = (await t.db.cohort.create({ data: { name: "Activity", startsAt: ago(30), joinCode: "ACTIVITY1", createdById: owner.id } })).id;
  const other = await t.db.cohort.create({ data: { name: "Elsewhere", startsAt: ago(30), joinCode: "ACTIVITY2", createdById: owner.id } });

  // Ann reads one visit across three days (opened 6 days ago, reports 5 and 4 days ago, twice
  // on the last), completes another lesson 3 days ago, runs an exercise 2 days ago (late evening
  // UTC) and takes a quiz yesterday.
  const ann = await addLearner(t.db, cohortId, "Ann");
  await writeLessonProgress(t.db, catalog, ann.id, first, { section: "intro", time: { visitId: "v1", seconds: 5 } }, ago(6));
  await writeLessonProgress(t.db, catalog, ann.id, first, { time: { visitId: "v1", seconds: 35 } }, ago(5));
  await writeLessonProgress(t.db, catalog, ann.id, first, { time: { visitId: "v1", seconds: 65 } }, ago(4, 2));
  await writeLessonProgress(t.db, catalog, ann.id, first, { time: { visitId: "v1", seconds: 95 } }, ago(4, 1));
  await writeLessonProgress(t.db, catalog, ann.id, second, { complete: true }, ago(3));
  await recordRuns(t.db, ann.id, [{ exerciseId: "ex-one", at: new Date(Date.UTC(2026, 10, 18, 23, 30)), passed: false, failingTest: "shape" }]);
  await recordQuizzes(t.db, ann.id, [{ quizId: "quiz-one", at: ago(1), credits: { qa: 1, qb: 0, qc: 1 } }]);

  // Ben opens a lesson 4 days ago too; Cy, in another cohort, is active 2 days ago.
  const ben = await addLearner(t.db, cohortId, "Ben");
  await writeLessonProgress(t.db, catalog, ben.id, first, { section: "intro" }, ago(4));
  const cy = await addLearner(t.db, other.id, "Cy");
  await writeLessonProgress(t.db, catalog, cy.id, first, { section: "intro", time: { visitId: "v9", seconds: 5 } }, ago(2));
}, 120_000);

afterAll(async () => t?.stop());

describe("activity chart from the learner-day roll-up", () => {
  it("counts each member once per UTC day with any activity, including the days between a visit's start and its last report", async () => {
    const days = await getActivity(t.db, cohortId, { now: NOW, days: 8 });
    expect(days.map((d) => [d.day, d.learners])).toEqual([
      ["2026-11-13", 0],
      ["2026-11-14", 1], // Ann opens the visit
      ["2026-11-15", 1], // Ann's report of that visit
      ["2026-11-16", 2], // Ann's two reports (once) and Ben
      ["2026-11-17", 1], // Ann completes the second lesson
      ["2026-11-18", 1], // Ann's exercise run at 23:30 UTC; Cy is in another cohort
      ["2026-11-19", 1], // Ann's quiz
      ["2026-11-20", 0],
    ]);
  });

  it("stores one row per learner and day, whatever the number of writes that day", async () => {
    const ann = await t.db.user.findFirstOrThrow({ where: { name: "Ann" }, select: { id: true } });
    const rows = await t.db.learnerActivityDay.findMany({ where: { userId: ann.id }, orderBy: { day: "asc" } });
    expect(rows.map((r) => r.day.toISOString().slice(0, 10))).toEqual(["2026-11-14", "2026-11-15", "2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19"]);
  });

  it("forgets a learner whose account is deleted", async () => {
    const ben = await t.db.user.findFirstOrThrow({ where: { name: "Ben" }, select: { id: true } });
    await t.db.user.delete({ where: { id: ben.id } });
    expect(await t.db.learnerActivityDay.count({ where: { userId: ben.id } })).toBe(0);
    const days = await getActivity(t.db, cohortId, { now: NOW, days: 8 });
    expect(days.find((d) => d.day === "2026-11-16")?.learners).toBe(1);
  });
});
