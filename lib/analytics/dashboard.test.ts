/**
 * The dashboard's data functions against a real database (PGlite locally, PostgreSQL in CI), on
 * a small cohort whose every number is worked out by hand below. Also: the number of queries a
 * dashboard makes does not grow with the number of learners.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startTestDatabase, type TestDatabase } from "@/tests/support/test-db";
import { analyseItems } from "../quiz/item-analysis";
import { getActivity } from "./activity";
import { getNeedsAttention, inactiveFromRoster } from "./attention";
import { createCountingClient, type CountingClient } from "../../tests/support/counting-client";
import { getExerciseAnalytics } from "./exercises";
import { getItemAnalysis } from "./items";
import { getLatestSubmission, getLearnerOverview, getQuizAnswers } from "./learner";
import { cellText, getMatrixPage } from "./matrix";
import { getRoster } from "./roster";
import { addLearner, FIXTURE_OUTLINE as OUTLINE, recordLessons, recordQuizzes, recordRuns } from "../../tests/support/cohort-analytics-fixture";

const DAY = 86_400_000;
const NOW = new Date("2026-11-20T12:00:00Z");
const ago = (days: number, hours = 0) => new Date(NOW.getTime() - days * DAY - hours * 3_600_000);

let t: TestDatabase;
let cohortId: string;
let otherCohortId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestDatabase();
  const owner = await t.db.user.create({ data: { name: "Ivo", email: "ivo-dash@example.test", role: "INSTRUCTOR" } });
  const cohort = await t.db.cohort.create({
    data: { name: "Fixture cohort", startsAt: ago(30), joinCode: "FIXTURE2", createdById: owner.id, instructors: { create: { userId: owner.id } } },
  });
  cohortId = cohort.id;
  const other = await t.db.cohort.create({ data: { name: "Other", startsAt: ago(30), joinCode: "OTHERCO2", createdById: owner.id } });
  otherCohortId = other.id;

  // Ann (builder): two lessons complete, one in progress; ex-one passed on run 2 after 10 minutes;
  // ex-two failed five times (stuck); quiz 2/3 first, then 3/3.
  const ann = await addLearner(t.db, cohortId, "Ann Zoë Ñúñez", { joinedAt: ago(20) });
  ids.ann = ann.id;
  await recordLessons(t.db, ann.id, [
    { slug: "intro", status: "COMPLETE", startedAt: ago(10), completedAt: ago(10) },
    { slug: "build-it", status: "COMPLETE", startedAt: ago(9), completedAt: ago(9) },
    { slug: "wrap-up", status: "IN_PROGRESS", startedAt: ago(2) },
  ]);
  await recordRuns(t.db, ann.id, [
    { exerciseId: "ex-one", at: ago(9, 1), passed: false, failingTest: "shape" },
    { exerciseId: "ex-one", at: new Date(ago(9, 1).getTime() + 600_000), passed: true, code: "export const ann = 'final';" },
    ...[5, 4, 3, 2, 1].map((h, i) => ({ exerciseId: "ex-two", at: ago(1, h), passed: false, failingTest: i < 3 ? "t-shape" : "t-values" })),
  ]);
  await recordQuizzes(t.db, ann.id, [
    { quizId: "quiz-one", at: ago(2), credits: { qa: 1, qb: 0, qc: 1 } },
    { quizId: "quiz-one", at: ago(1), credits: { qa: 1, qb: 1, qc: 1 } },
  ]);

  // Ben (concept track): intro and wrap-up complete; quiz 0.5/3.
  const ben = await addLearner(t.db, cohortId, "Ben", { track: "CONCEPT", joinedAt: ago(20) });
  ids.ben = ben.id;
  await recordLessons(t.db, ben.id, [
    { slug: "intro", status: "COMPLETE", startedAt: ago(5), completedAt: ago(5) },
    { slug: "wrap-up", status: "COMPLETE", startedAt: ago(3), completedAt: ago(3) },
  ]);
  await recordQuizzes(t.db, ben.id, [{ quizId: "quiz-one", at: ago(3), credits: { qa: 0, qb: 0, qc: 0.5 } }]);

  // Cat: joined 10 days ago, did nothing (inactive).
  ids.cat = (await addLearner(t.db, cohortId, "cat", { joinedAt: ago(10) })).id;

  // Dan: opened intro 8 days ago (inactive); passed ex-one at once; one failed ex-two run.
  const dan = await addLearner(t.db, cohortId, "Dan", { joinedAt: ago(20) });
  ids.dan = dan.id;
  await recordLessons(t.db, dan.id, [{ slug: "intro", status: "IN_PROGRESS", startedAt: ago(8) }]);
  await recordRuns(t.db, dan.id, [
    { exerciseId: "ex-one", at: ago(8, 2), passed: true },
    { exerciseId: "ex-two", at: ago(8, 1), passed: false, failingTest: "t-values" },
  ]);

  // Eve and Fay: quiz takers (item analysis), active 6 days ago (not yet inactive).
  const eve = await addLearner(t.db, cohortId, "Eve", { joinedAt: ago(20) });
  ids.eve = eve.id;
  await recordQuizzes(t.db, eve.id, [{ quizId: "quiz-one", at: ago(6, -1), credits: { qa: 1, qb: 1, qc: 0 } }]);
  const fay = await addLearner(t.db, cohortId, "Fay", { joinedAt: ago(20) });
  ids.fay = fay.id;
  await recordQuizzes(t.db, fay.id, [{ quizId: "quiz-one", at: ago(6, -1), credits: { qa: 1, qb: 1, qc: 1 } }]);

  // Gus: joined only 3 days ago, did nothing yet (not inactive: 3 < 7 days).
  ids.gus = (await addLearner(t.db, cohortId, "Gus", { joinedAt: ago(3) })).id;

  // Someone in ANOTHER cohort, with lots of activity: must never show up here.
  const outsider = await addLearner(t.db, otherCohortId, "Outsider");
  ids.outsider = outsider.id;
  await recordLessons(t.db, outsider.id, [{ slug: "intro", status: "COMPLETE", startedAt: ago(1), completedAt: ago(1) }]);
  await recordRuns(t.db, outsider.id, Array.from({ length: 6 }, (_, i) => ({ exerciseId: "ex-two", at: ago(1, i), passed: false, failingTest: "outsider-test" })));
  await recordQuizzes(t.db, outsider.id, [{ quizId: "quiz-one", at: ago(1), credits: { qa: 0, qb: 1, qc: 0 } }]);
}, 180_000);
afterAll(async () => t?.stop());

describe("roster", () => {
  it("one row per member with completion counted as on the learner's dashboard", async () => {
    const roster = await getRoster(t.db, cohortId, OUTLINE);
    expect(roster.map((r) => r.name)).toEqual(["Ann Zoë Ñúñez", "Ben", "cat", "Dan", "Eve", "Fay", "Gus"]);
    const ann = roster[0];
    // Builder: 3 lessons + 2 exercises + 1 quiz = 6 items; done: 2 lessons, ex-one, the quiz (best 3/3).
    expect(ann.completion).toMatchObject({ done: 4, total: 6, percent: 67, lessonsDone: 2, exercisesPassed: 1, quizzesPassed: 1, quizzesTaken: 1 });
    expect(ann.completion.averageQuizPercent).toBe(100);
    expect(ann.lastActivity).toEqual(ago(1)); // her second quiz attempt, after the last ex-two run
    // Concept track: the builder lesson and the exercises do not count: 2 lessons + 1 quiz.
    const ben = roster[1];
    expect(ben.completion).toMatchObject({ done: 2, total: 3, percent: 67, exercisesTotal: 0, quizzesPassed: 0 });
    expect(ben.completion.averageQuizPercent).toBe(16.7);
    const cat = roster[2];
    expect(cat.lastActivity).toBeNull();
    expect(cat.completion).toMatchObject({ done: 0, percent: 0, averageQuizPercent: null });
    expect(roster.map((r) => r.id)).not.toContain(ids.outsider);
  });
});

describe("progress matrix", () => {
  it("has a column per lesson, exercise and quiz in course order and a text for every cell", async () => {
    const page = await getMatrixPage(t.db, cohortId, OUTLINE, { pageSize: 3 });
    expect(page.columns.map((c) => `${c.short}:${c.id}`)).toEqual(["L1:intro", "L2:build-it", "E1:ex-one", "E2:ex-two", "L3:wrap-up", "Q1:quiz-one"]);
    expect(page).toMatchObject({ total: 7, page: 1, pageSize: 3, pageCount: 3 });
    expect(page.rows.map((r) => r.learner.name)).toEqual(["Ann Zoë Ñúñez", "Ben", "cat"]);
    expect(page.rows[0].cells.map(cellText)).toEqual([
      "complete",
      "complete",
      "2 attempts, passed",
      "5 attempts, not passed (best 3/4 tests)",
      "in progress",
      "3/3 (best of 2)",
    ]);
    expect(page.rows[1].cells.map(cellText)).toEqual(["complete", "not started", "not attempted", "not attempted", "complete", "0.5/3"]);
    expect(page.rows[1].cells[5]).toMatchObject({ kind: "quiz", state: "below-pass" });
  });

  it("pages and filters by name or email, case-insensitively", async () => {
    const last = await getMatrixPage(t.db, cohortId, OUTLINE, { pageSize: 3, page: 3 });
    expect(last.rows.map((r) => r.learner.name)).toEqual(["Gus"]);
    const beyond = await getMatrixPage(t.db, cohortId, OUTLINE, { pageSize: 3, page: 9 });
    expect(beyond).toMatchObject({ rows: [], total: 7, pageCount: 3 });
    const found = await getMatrixPage(t.db, cohortId, OUTLINE, { search: "ÑÚÑEZ" });
    expect(found.rows.map((r) => r.learner.name)).toEqual(["Ann Zoë Ñúñez"]);
    expect((await getMatrixPage(t.db, cohortId, OUTLINE, { search: "100%_" })).total).toBe(0);
    const dan = await getMatrixPage(t.db, cohortId, OUTLINE, { search: "dan" });
    expect(dan.rows[0].cells.map(cellText)).toEqual(["in progress", "not started", "1 attempt, passed", "1 attempt, not passed (best 3/4 tests)", "not started", "not taken"]);
    const everyone = await getMatrixPage(t.db, cohortId, OUTLINE, { pageSize: "all" });
    expect(everyone.rows).toHaveLength(7);
  });
});

describe("exercise analytics", () => {
  it("pass rate, medians and the most common failing test", async () => {
    const [one, two] = await getExerciseAnalytics(t.db, cohortId, OUTLINE);
    expect(one).toMatchObject({ id: "ex-one", learners: 7, attempted: 2, passed: 2, passRate: 1, totalRuns: 3 });
    // Ann passed on run 2, Dan on run 1: median 1.5. Ann took 600 s, Dan 0 s: median 300 s.
    expect(one.medianAttemptsToPass).toBe(1.5);
    expect(one.medianSecondsToPass).toBe(300);
    expect(one.commonFailure).toEqual({ test: "shape", learners: 1, runs: 1 });
    expect(two).toMatchObject({ id: "ex-two", attempted: 2, passed: 0, passRate: 0, medianAttemptsToPass: null, medianSecondsToPass: null, totalRuns: 6 });
    // "t-shape" failed 3 runs of one learner; "t-values" 3 runs of two learners: learners count first.
    // The outsider's 6 runs of "outsider-test" are another cohort's.
    expect(two.commonFailure).toEqual({ test: "t-values", learners: 2, runs: 3 });
  });
});

describe("item analysis", () => {
  it("uses each learner's first attempt and matches analyseItems on the same credits", async () => {
    const [quiz] = await getItemAnalysis(t.db, cohortId, OUTLINE);
    const firsts = [
      { qa: 1, qb: 0, qc: 1 }, // Ann (her second attempt, 3/3, is not used)
      { qa: 0, qb: 0, qc: 0.5 }, // Ben
      { qa: 1, qb: 1, qc: 0 }, // Eve
      { qa: 1, qb: 1, qc: 1 }, // Fay
    ];
    const expected = analyseItems(["qa", "qb", "qc"], firsts);
    expect(quiz.learners).toBe(4);
    expect(quiz.questions.map(({ questionId, facility, discrimination, lowDiscrimination }) => ({ questionId, facility, discrimination, lowDiscrimination }))).toEqual(
      expected.map(({ questionId, facility, discrimination, lowDiscrimination }) => ({ questionId, facility, discrimination, lowDiscrimination })),
    );
    expect(quiz.questions[0]).toMatchObject({ number: 1, facility: 0.75, prompt: "What is attention?" });
    expect(quiz.questions[1].prompt).toBe("Order the stages.");
    // Mean first-attempt score: (2 + 0.5 + 2 + 3) / 4 / 3 = 62.5%.
    expect(quiz.meanPercent).toBe(62.5);
    // Best attempts: Ann's second (3/3) replaces her first: (3 + 0.5 + 2 + 3) / 4 / 3 = 70.8%.
    expect(quiz.bestMeanPercent).toBe(70.8);
    expect(quiz.questions.map((q) => q.bestFacility)).toEqual([0.75, 0.75, (1 + 0.5 + 0 + 1) / 4]);
  });

  it("flags weak questions and explains an undefined index instead of NaN", async () => {
    const lone = await t.db.cohort.create({ data: { name: "Lone", startsAt: ago(5), joinCode: "LONELY22", createdById: ids.ann } });
    const a = await addLearner(t.db, lone.id, "A");
    const b = await addLearner(t.db, lone.id, "B");
    const c = await addLearner(t.db, lone.id, "C");
    // qa: everyone right (no variance); qb tracks the rest of the quiz; qc is inverse to it.
    await recordQuizzes(t.db, a.id, [{ quizId: "quiz-one", at: ago(1), credits: { qa: 1, qb: 1, qc: 0 } }]);
    await recordQuizzes(t.db, b.id, [{ quizId: "quiz-one", at: ago(1), credits: { qa: 1, qb: 0, qc: 1 } }]);
    await recordQuizzes(t.db, c.id, [{ quizId: "quiz-one", at: ago(1), credits: { qa: 1, qb: 1, qc: 0 } }]);
    const [quiz] = await getItemAnalysis(t.db, lone.id, OUTLINE);
    const [qa, qb, qc] = quiz.questions;
    expect(qa).toMatchObject({ facility: 1, discrimination: null, lowDiscrimination: false });
    expect(qa.note).toMatch(/every attempt got this question right/);
    expect(qb.discrimination).toBeCloseTo(-1, 10);
    expect(qb.lowDiscrimination).toBe(true);
    expect(qc.lowDiscrimination).toBe(true);
  });
});

describe("needs attention", () => {
  it("the overview's inactive list (from the roster) is the same as the query's", async () => {
    const roster = await getRoster(t.db, cohortId, OUTLINE);
    const { inactive } = await getNeedsAttention(t.db, cohortId, NOW);
    expect(inactiveFromRoster(roster, ago(30), NOW)).toEqual(inactive);
    expect(inactive.length).toBeGreaterThan(0);
  });

  it("lists learners inactive for 7+ days and those stuck on an exercise after 5+ failed runs", async () => {
    const { inactive, stuck } = await getNeedsAttention(t.db, cohortId, NOW);
    // Cat: nothing since joining 10 days ago. Dan: last run 8 days ago. Eve and Fay (6 days) and Gus (joined 3 days ago) are fine.
    expect(inactive.map((l) => [l.name, l.daysInactive])).toEqual([
      ["cat", 10],
      ["Dan", 8],
    ]);
    expect(inactive[0].lastActivity).toBeNull();
    expect(stuck).toEqual([{ id: ids.ann, name: "Ann Zoë Ñúñez", email: expect.any(String), exerciseId: "ex-two", runs: 5, lastRunAt: ago(1, 1) }]);
  });

  it("counts from the cohort's start for learners who joined before it", async () => {
    const future = await t.db.cohort.create({ data: { name: "Starts later", startsAt: ago(-5), joinCode: "LATER222", createdById: ids.ann } });
    await addLearner(t.db, future.id, "Early bird", { joinedAt: ago(30) });
    expect((await getNeedsAttention(t.db, future.id, NOW)).inactive).toEqual([]);
    expect((await getNeedsAttention(t.db, future.id, new Date(NOW.getTime() + 13 * DAY))).inactive.map((l) => l.daysInactive)).toEqual([8]);
  });
});

describe("activity over time", () => {
  it("counts distinct active learners per UTC day, with zero days filled in", async () => {
    const days = await getActivity(t.db, cohortId, { now: NOW, days: 12 });
    expect(days).toHaveLength(12);
    expect(days[days.length - 1].day).toBe("2026-11-20");
    const on = (offset: number) => days.find((d) => d.day === ago(offset).toISOString().slice(0, 10))?.learners;
    expect(on(0)).toBe(0);
    expect(on(1)).toBe(1); // Ann's ex-two runs and second quiz attempt
    expect(on(3)).toBe(1); // Ben's wrap-up and quiz
    expect(on(8)).toBe(1); // Dan (lesson opened, two runs)
    expect(on(9)).toBe(1); // Ann
    expect(on(10)).toBe(1); // Ann's intro
  });
});

describe("drill-down", () => {
  it("a learner's timeline, newest first, with completion and per-exercise status", async () => {
    const overview = await getLearnerOverview(t.db, ids.ann, ago(20), OUTLINE);
    expect(overview.learner.name).toBe("Ann Zoë Ñúñez");
    expect(overview.completion.percent).toBe(67);
    expect(overview.timeline[0]).toMatchObject({ kind: "quiz-attempt", quiz: "quiz-one", score: 3, maxScore: 3, passed: true });
    expect(overview.timeline[1]).toMatchObject({ kind: "exercise-run", exercise: "ex-two", passed: false, failingTest: "t-values" });
    expect(overview.timeline[overview.timeline.length - 1]).toEqual({ kind: "joined", at: ago(20) });
    expect(overview.timeline.filter((e) => e.kind === "quiz-attempt").map((e) => (e.kind === "quiz-attempt" ? e.passed : null))).toEqual([true, false]);
    expect(overview.exercises.map((e) => [e.id, e.attempts, e.passed])).toEqual([
      ["ex-one", 2, true],
      ["ex-two", 5, false],
    ]);
    // The first attempt (before any feedback or key) beside the best one.
    expect(overview.quizzes).toEqual([{ id: "quiz-one", title: "Quiz one", attempts: 2, first: "2/3", best: "3/3", passed: true }]);
  });

  it("the latest submitted code with its test results, and quiz answers", async () => {
    const submission = await getLatestSubmission(t.db, ids.ann, "ex-one", OUTLINE);
    expect(submission).toMatchObject({ code: "export const ann = 'final';", passed: true, runs: 2, exercise: { title: "Exercise one" } });
    expect(submission.results.map((r) => r.status)).toEqual(["pass", "pass", "pass", "pass"]);
    const failing = await getLatestSubmission(t.db, ids.ann, "ex-two", OUTLINE);
    expect(failing.results[3]).toEqual({ name: "t-values", status: "fail", message: "expected 1, got 2", expected: "1", actual: "2", output: undefined, line: undefined });
    await expect(getLatestSubmission(t.db, ids.ben, "ex-one", OUTLINE)).rejects.toThrow(/has not run this exercise/);

    const answers = await getQuizAnswers(t.db, ids.ann, "quiz-one", OUTLINE);
    expect(answers.attempts.map((a) => [a.scoreText, a.passed])).toEqual([
      ["3/3", true],
      ["2/3", false],
    ]);
    expect(answers.attempts[1].answers.map((a) => [a.number, a.given, a.credit])).toEqual([
      [1, "The right answer", 1],
      [2, "A wrong answer", 0],
      [3, "The right answer", 1],
    ]);
  });
});

describe("query count", () => {
  let counting: CountingClient;
  beforeAll(() => {
    counting = createCountingClient(t.url, 3);
  });
  afterAll(async () => counting?.close());

  async function countFor(cohort: string): Promise<number> {
    counting.reset();
    await Promise.all([
      getRoster(counting.db, cohort, OUTLINE),
      getMatrixPage(counting.db, cohort, OUTLINE, { pageSize: 50 }),
      getExerciseAnalytics(counting.db, cohort, OUTLINE),
      getItemAnalysis(counting.db, cohort, OUTLINE),
      getNeedsAttention(counting.db, cohort, NOW),
      getActivity(counting.db, cohort, { now: NOW }),
    ]);
    return counting.count();
  }

  it("is the same for 2 learners and for 40", async () => {
    const small = await t.db.cohort.create({ data: { name: "Small", startsAt: ago(5), joinCode: "SMALL222", createdById: ids.ann } });
    const large = await t.db.cohort.create({ data: { name: "Large", startsAt: ago(5), joinCode: "LARGE222", createdById: ids.ann } });
    const busy = async (cohort: string, n: number) => {
      for (let i = 0; i < n; i++) {
        const l = await addLearner(t.db, cohort, `Learner ${i}`);
        await recordLessons(t.db, l.id, [{ slug: "intro", status: "COMPLETE", startedAt: ago(2), completedAt: ago(1) }]);
        await recordRuns(t.db, l.id, [{ exerciseId: "ex-one", at: ago(1), passed: i % 2 === 0, failingTest: "x" }]);
        await recordQuizzes(t.db, l.id, [{ quizId: "quiz-one", at: ago(1), credits: { qa: i % 2, qb: 1, qc: 0 } }]);
      }
    };
    await busy(small.id, 2);
    await busy(large.id, 40);
    const smallCount = await countFor(small.id);
    const largeCount = await countFor(large.id);
    expect(largeCount).toBe(smallCount);
    // roster 1 + matrix 4 + exercises 2 + items 2 (fingerprint + analysis) + attention 2 + activity 1
    expect(smallCount).toBe(12);
  });

  it("item analysis is recomputed only when the cohort's attempts change", async () => {
    const cohort = await t.db.cohort.create({ data: { name: "Cached", startsAt: ago(5), joinCode: "CACHED22", createdById: ids.ann } });
    const a = await addLearner(t.db, cohort.id, "A");
    await recordQuizzes(t.db, a.id, [{ quizId: "quiz-one", at: ago(2), credits: { qa: 1, qb: 0, qc: 0 } }]);
    const run = async () => {
      counting.reset();
      const [quiz] = await getItemAnalysis(counting.db, cohort.id, OUTLINE);
      return { learners: quiz.learners, queries: counting.count() };
    };
    expect(await run()).toEqual({ learners: 1, queries: 2 });
    expect(await run()).toEqual({ learners: 1, queries: 1 }); // cached: only the fingerprint
    const b = await addLearner(t.db, cohort.id, "B");
    await recordQuizzes(t.db, b.id, [{ quizId: "quiz-one", at: ago(1), credits: { qa: 1, qb: 1, qc: 1 } }]);
    expect(await run()).toEqual({ learners: 2, queries: 2 }); // a new attempt
    expect(await run()).toEqual({ learners: 2, queries: 1 });
    await t.db.cohortMembership.delete({ where: { cohortId_userId: { cohortId: cohort.id, userId: b.id } } });
    expect(await run()).toEqual({ learners: 1, queries: 2 }); // a learner left
    // And the cached answer is the computed one.
    const fresh = await getItemAnalysis(t.db, cohort.id, OUTLINE, { cache: false });
    expect(await getItemAnalysis(t.db, cohort.id, OUTLINE)).toEqual(fresh);
  });
});
