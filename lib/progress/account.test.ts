import { randomUUID } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { setUpTestDatabase } from "@/tests/support/test-db";
import { recordAttempt } from "../exercises/attempts";
import { saveDraft } from "../exercises/drafts";
import { accountKey } from "../auth/rate-limit";
import { loadCourseIndex } from "../course/course-index";
import { deleteAccount, exportUserData, getProfile, setTrack } from "./account";
import { writeLessonProgress } from "./lessons";
import { createLearner } from "../../tests/support/test-users";

const catalog = loadCourseIndex().catalog;
const t = setUpTestDatabase(5);

/** A learner with some of everything. */
async function learnerWithData(name: string) {
  const user = await createLearner(t.db, name);
  await t.db.user.update({ where: { id: user.id }, data: { passwordHash: "$2a$10$not-a-real-hash-but-secret" } });
  await writeLessonProgress(t.db, catalog, user.id, "what-is-ai", { complete: true, section: `${name}-section`, time: { visitId: `${name}-visit-1`, seconds: 42 } });
  await saveDraft(t.db, user.id, "softmax", { code: `// ${name}'s draft`, updatedAt: Date.now() });
  await recordAttempt(t.db, user.id, "softmax", {
    clientRunId: randomUUID(),
    code: `// ${name}'s run`,
    passed: true,
    testsPassed: 1,
    testsTotal: 1,
    results: [{ name: "works", status: "pass" }],
    durationMs: 5,
  });
  await t.db.quizAttempt.create({
    data: { userId: user.id, quizId: "foundations-quiz", clientAttemptId: `${name}-quiz-1`, seed: 3, answers: { q1: "a" }, results: [], score: 7, maxScore: 12 },
  });
  return user;
}

describe("exportUserData", () => {
  it("contains the learner's profile and all their progress, and nothing of anyone else", async () => {
    const ann = await learnerWithData("Ann");
    const ben = await learnerWithData("Ben");
    const data = await exportUserData(t.db, ann.id, new Date("2026-06-01T00:00:00Z"));
    expect(data.format).toBe("llm-academy-export/1");
    expect(data.exportedAt).toBe("2026-06-01T00:00:00.000Z");
    expect(data.profile).toMatchObject({ id: ann.id, email: ann.email, name: "Ann", track: "BUILDER", role: "LEARNER" });
    expect(data.lessonProgress).toEqual([expect.objectContaining({ lessonSlug: "what-is-ai", status: "COMPLETE", lastSection: "Ann-section", timeSpentSeconds: 42 })]);
    expect(data.lessonVisits).toEqual([expect.objectContaining({ visitId: "Ann-visit-1", seconds: 42 })]);
    expect(data.exerciseDrafts).toEqual([expect.objectContaining({ exerciseId: "softmax", code: "// Ann's draft" })]);
    expect(data.exerciseAttempts).toEqual([expect.objectContaining({ exerciseId: "softmax", code: "// Ann's run", claimedPassed: true, status: "pending" })]);
    expect(data.exerciseProgress).toEqual([expect.objectContaining({ exerciseId: "softmax", attempts: 1 })]);
    expect(data.quizAttempts).toEqual([expect.objectContaining({ quizId: "foundations-quiz", clientAttemptId: "Ann-quiz-1", score: 7 })]);

    const json = JSON.stringify(data);
    expect(json).not.toContain(ben.id);
    expect(json).not.toContain("Ben");
    expect(json).not.toContain("passwordHash");
    expect(json).not.toContain("not-a-real-hash");
  });
});

describe("setTrack", () => {
  it("changes the account's track and nothing else", async () => {
    const me = await learnerWithData("Cat");
    const before = await exportUserData(t.db, me.id);
    await setTrack(t.db, me.id, "CONCEPT");
    expect((await getProfile(t.db, me.id)).track).toBe("CONCEPT");
    const after = await exportUserData(t.db, me.id);
    const { profile: _p1, exportedAt: _e1, ...progressBefore } = before;
    const { profile: _p2, exportedAt: _e2, ...progressAfter } = after;
    expect(progressAfter).toEqual(progressBefore);
  });

  it("answers 401 for an account that no longer exists", async () => {
    await expect(setTrack(t.db, "no-such-user", "CONCEPT")).rejects.toMatchObject({ status: 401 });
  });
});

describe("deleteAccount", () => {
  it("refuses without the right email and deletes nothing", async () => {
    const me = await learnerWithData("Dan");
    await expect(deleteAccount(t.db, me.id, "someone@else.test")).rejects.toMatchObject({
      status: 422,
      message: "The email address you typed does not match your account. Nothing was deleted.",
    });
    expect(await t.db.user.count({ where: { id: me.id } })).toBe(1);
  });

  it("deletes the account and all its data (email typed in any case), leaving other learners alone", async () => {
    const me = await learnerWithData("Eve");
    const other = await learnerWithData("Fay");
    await t.db.signInFailure.create({ data: { key: accountKey(me.email) } });
    await deleteAccount(t.db, me.id, `  ${me.email.toUpperCase()} `);
    const where = { userId: me.id };
    const left = await Promise.all([
      t.db.user.count({ where: { id: me.id } }),
      t.db.lessonProgress.count({ where }),
      t.db.lessonVisit.count({ where }),
      t.db.exerciseDraft.count({ where }),
      t.db.exerciseAttempt.count({ where }),
      t.db.exerciseProgress.count({ where }),
      t.db.quizAttempt.count({ where }),
      t.db.signInFailure.count({ where: { key: accountKey(me.email) } }),
    ]);
    expect(left).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    const otherData = await exportUserData(t.db, other.id);
    expect(otherData.lessonProgress).toHaveLength(1);
    expect(otherData.quizAttempts).toHaveLength(1);
  });

  it("refuses while the account owns cohorts other people use", async () => {
    const me = await createLearner(t.db, "Gus");
    await t.db.cohort.create({ data: { name: "Spring", startsAt: new Date(), joinCode: `code-${randomUUID()}`, createdById: me.id } });
    await expect(deleteAccount(t.db, me.id, me.email)).rejects.toMatchObject({ status: 409 });
    expect(await t.db.user.count({ where: { id: me.id } })).toBe(1);
  });
});
