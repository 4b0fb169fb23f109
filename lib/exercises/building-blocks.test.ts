/**
 * The sources behind "@academy/provided" for a signed-in learner: their own latest passing code,
 * or the solution they opened, and nothing for an exercise they have neither passed nor opened.
 */
import { describe, expect, it } from "@jest/globals";
import { randomBytes } from "node:crypto";
import { setUpTestDatabase } from "@/tests/support/test-db";
import { buildingBlocksFor } from "./building-blocks";
import { recordSolutionViewed } from "./progress";

const t = setUpTestDatabase(3);

const newUser = () => t.db.user.create({ data: { name: "Lee", email: `lee-${randomBytes(5).toString("hex")}@example.test` } });
const run = (userId: string, exerciseId: string, code: string, passed: boolean, createdAt: Date) =>
  t.db.exerciseAttempt.create({
    // As the server leaves a run once it has verified it (the browser's claim agreeing).
    data: {
      userId,
      exerciseId,
      code,
      passed,
      status: passed ? "verified_pass" : "verified_fail",
      clientRunId: randomBytes(8).toString("hex"),
      testsPassed: passed ? 5 : 1,
      testsTotal: 5,
      results: [],
      claimedPassed: passed,
      claimedTestsPassed: passed ? 5 : 1,
      claimedTestsTotal: 5,
      claimedResults: [],
      durationMs: 9,
      createdAt,
    },
  });
const fakeSolution = async (id: string) => `// the reference solution of ${id}`;

describe("buildingBlocksFor", () => {
  it("gives each piece the learner's latest passing code, else the solution they opened, else nothing", async () => {
    const lee = await newUser();
    await run(lee.id, "layer-norm", "// my first pass", true, new Date("2026-01-01T10:00:00Z"));
    await run(lee.id, "layer-norm", "// my second pass", true, new Date("2026-01-01T11:00:00Z"));
    await run(lee.id, "layer-norm", "// a later broken edit", false, new Date("2026-01-01T12:00:00Z"));
    await run(lee.id, "multi-head-attention", "// not passing", false, new Date("2026-01-01T12:00:00Z"));
    await recordSolutionViewed(t.db, lee.id, "feed-forward");
    const blocks = await buildingBlocksFor(t.db, lee.id, "encoder-block", fakeSolution);
    expect(blocks).toEqual([
      { piece: "multiHeadAttention", exercise: "multi-head-attention", title: "Multi-head attention", from: null, source: null },
      { piece: "feedForward", exercise: "feed-forward", title: "The position-wise feed-forward network", from: "solution-you-opened", source: "// the reference solution of feed-forward" },
      { piece: "layerNorm", exercise: "layer-norm", title: "Layer normalisation", from: "your-passing-run", source: "// my second pass" },
    ]);
  });

  it("never hands one learner another's code, and an exercise without pieces has none", async () => {
    const [ann, bob] = await Promise.all([newUser(), newUser()]);
    await run(ann.id, "scaled-dot-product-attention", "// Ann's attention", true, new Date());
    expect(await buildingBlocksFor(t.db, bob.id, "cross-attention", fakeSolution)).toEqual([
      { piece: "attention", exercise: "scaled-dot-product-attention", title: "Scaled dot-product attention", from: null, source: null },
    ]);
    expect(await buildingBlocksFor(t.db, ann.id, "softmax", fakeSolution)).toEqual([]);
  });
});
