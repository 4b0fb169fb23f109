/**
 * A cohort's quiz review policies: its instructors choose, another instructor gets 404 and a
 * learner 403, a bad policy is a 422 with a message, and every quiz is listed with the default
 * where nothing was chosen. Real database.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { randomBytes } from "node:crypto";
import { startTestDatabase, type TestDatabase } from "@/tests/support/test-db";
import type { Actor } from "./access";
import { listQuizReviews, setQuizReview } from "./quiz-review";

let t: TestDatabase;
let teacher: Actor;
let stranger: Actor;
let learner: Actor;
let cohortId: string;

async function account(role: Actor["role"]): Promise<Actor> {
  const u = await t.db.user.create({ data: { name: role, email: `${role.toLowerCase()}-${randomBytes(5).toString("hex")}@example.test`, role } });
  return { id: u.id, role };
}

beforeAll(async () => {
  t = await startTestDatabase(3);
  [teacher, stranger, learner] = [await account("INSTRUCTOR"), await account("INSTRUCTOR"), await account("LEARNER")];
  const cohort = await t.db.cohort.create({
    data: { name: "Spring", startsAt: new Date(), joinCode: randomBytes(6).toString("hex"), createdById: teacher.id, instructors: { create: { userId: teacher.id } } },
  });
  cohortId = cohort.id;
}, 120_000);
afterAll(async () => t?.stop());

describe("quiz review policies of a cohort", () => {
  it("lists every quiz with the default, and an instructor's choice replaces it", async () => {
    const before = await listQuizReviews(t.db, teacher, cohortId, ["training-quiz", "foundations-quiz"]);
    expect(before).toEqual([
      { quizId: "training-quiz", mode: "AFTER_PASS_OR_ATTEMPTS", attempts: 3, isDefault: true, description: "The correct answers are shown once you pass, or after 3 attempts." },
      { quizId: "foundations-quiz", mode: "AFTER_PASS_OR_ATTEMPTS", attempts: 3, isDefault: true, description: "The correct answers are shown once you pass, or after 3 attempts." },
    ]);
    await setQuizReview(t.db, teacher, cohortId, "training-quiz", { mode: "AFTER_ATTEMPTS", attempts: 2 });
    await setQuizReview(t.db, teacher, cohortId, "training-quiz", { mode: "ALWAYS" });
    const after = await listQuizReviews(t.db, teacher, cohortId, ["training-quiz"]);
    expect(after[0]).toMatchObject({ mode: "ALWAYS", isDefault: false, description: "The correct answers are shown after every attempt." });
  });

  it("only the cohort's instructors may change it; bad input is a 422 that says what is wrong", async () => {
    await expect(setQuizReview(t.db, stranger, cohortId, "training-quiz", { mode: "ALWAYS" })).rejects.toMatchObject({ status: 404 });
    await expect(setQuizReview(t.db, learner, cohortId, "training-quiz", { mode: "ALWAYS" })).rejects.toMatchObject({ status: 403 });
    await expect(listQuizReviews(t.db, learner, cohortId, ["training-quiz"])).rejects.toMatchObject({ status: 403 });
    await expect(setQuizReview(t.db, teacher, cohortId, "no-such-quiz", { mode: "ALWAYS" })).rejects.toMatchObject({ status: 404 });
    await expect(setQuizReview(t.db, teacher, cohortId, "training-quiz", { mode: "NEVER" })).rejects.toMatchObject({ name: "ZodError" });
    await expect(setQuizReview(t.db, teacher, cohortId, "training-quiz", { mode: "AFTER_ATTEMPTS", attempts: 0 })).rejects.toThrow(/attempts must be at least 1/);
  });
});
