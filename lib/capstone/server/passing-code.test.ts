/**
 * The capstone page's "your code" for each piece: the latest passing run of each piece's exercise,
 * only the learner's own (PGlite; PostgreSQL with TEST_DATABASE_URL).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startTestDatabase, type TestDatabase } from "@/tests/support/test-db";
import { recordRuns } from "@/tests/support/cohort-analytics-fixture";
import { passingCodeByPiece } from "./passing-code";

let t: TestDatabase;
beforeAll(async () => {
  t = await startTestDatabase();
}, 120_000);
afterAll(async () => t?.stop());

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 10, minute));

describe("passingCodeByPiece", () => {
  it("gives the newest passing code of every piece the learner passed, and nobody else's", async () => {
    const ann = await t.db.user.create({ data: { name: "Ann", email: "ann-pieces@example.test" } });
    const bob = await t.db.user.create({ data: { name: "Bob", email: "bob-pieces@example.test" } });
    await recordRuns(t.db, ann.id, [
      { exerciseId: "softmax", passed: true, at: at(1), code: "softmax v1" },
      { exerciseId: "softmax", passed: true, at: at(2), code: "softmax v2" },
      { exerciseId: "softmax", passed: false, at: at(3), code: "softmax broken" },
      { exerciseId: "layer-norm", passed: true, at: at(4), code: "layer norm" },
      { exerciseId: "word-similarity", passed: true, at: at(5), code: "not a piece" },
    ]);
    await recordRuns(t.db, bob.id, [{ exerciseId: "gpt-block", passed: true, at: at(6), code: "bob's block" }]);

    expect(await passingCodeByPiece(t.db, ann.id)).toEqual({
      softmax: { code: "softmax v2", passedAt: at(2).getTime() },
      "layer-norm": { code: "layer norm", passedAt: at(4).getTime() },
    });
  });

  it("counts a run the server has not checked yet when the browser saw it pass, and not once the server says it failed", async () => {
    const cy = await t.db.user.create({ data: { name: "Cy", email: "cy-pieces@example.test" } });
    const base = { userId: cy.id, testsTotal: 8, results: [], claimedTestsPassed: 8, claimedTestsTotal: 8, claimedResults: [], durationMs: 9 };
    await t.db.exerciseAttempt.createMany({
      data: [
        { ...base, exerciseId: "layer-norm", clientRunId: "cy-1", code: "claimed pass, unchecked", claimedPassed: true, createdAt: at(10) },
        { ...base, exerciseId: "feed-forward", clientRunId: "cy-2", code: "claimed fail, unchecked", claimedPassed: false, claimedTestsPassed: 3, createdAt: at(11) },
        { ...base, exerciseId: "softmax", clientRunId: "cy-3", code: "claimed pass, failed the check", claimedPassed: true, status: "verified_fail", createdAt: at(12) },
      ],
    });
    expect(await passingCodeByPiece(t.db, cy.id)).toEqual({ "layer-norm": { code: "claimed pass, unchecked", passedAt: at(10).getTime() } });
  });
});
