/**
 * Probe finding (issue #14): every hint of a lesson was in its page signed out, and the solution
 * endpoint served signed-out readers with no record. Now: hints one at a time (hint n+1 only after
 * hint n for a signed-in learner), first views recorded and shown on the instructor's timeline,
 * the solution for signed-in learners only. Real database, real hints.md files.
 */
import { describe, expect, it } from "@jest/globals";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { setUpTestDatabase } from "@/tests/support/test-db";
import { getLearnerOverview } from "../analytics/learner";
import { countHints, loadExercisePageData, parseHints, readHint, readSolutionSource } from "./content";
import { serveHint, serveSolution } from "./help";

const t = setUpTestDatabase(3);

// The Markdown renderer (ESM-only, ./hint-render.ts) does not load under Jest: the hint's own text stands in.
const hints = { count: countHints, render: async (id: string, n: number) => ({ type: "root", children: [{ type: "text", value: await readHint(id, n) }] }) };
const newUser = async () => (await t.db.user.create({ data: { name: "Hana", email: `hana-${randomBytes(5).toString("hex")}@example.test` } })).id;
const hintTexts = (id: string) => parseHints(readFileSync(path.join(process.cwd(), "exercises", id, "hints.md"), "utf8"));
/** The words of a rendered hint (its text nodes). */
function words(tree: unknown): string {
  if (!tree || typeof tree !== "object") return "";
  const node = tree as { type?: string; value?: string; children?: unknown[] };
  return (node.type === "text" ? (node.value ?? "") : "") + (node.children ?? []).map(words).join("");
}

describe("hints", () => {
  it("the lesson page's data carries how many hints there are, not their text", async () => {
    const data = await loadExercisePageData("softmax");
    expect(data.hintCount).toBe(hintTexts("softmax").length);
    const serialized = JSON.stringify(data);
    for (const hint of hintTexts("softmax")) expect(serialized).not.toContain(hint.slice(0, 40));
  });

  it("signed out: one hint per request, rendered, nothing stored", async () => {
    const before = await t.db.exerciseHelpView.count();
    const answer = await serveHint(t.db, null, "softmax", { number: 1 }, hints);
    expect(answer).toMatchObject({ number: 1, total: hintTexts("softmax").length, progress: null });
    expect(words(answer.content)).toBe(hintTexts("softmax")[0]);
    expect(await t.db.exerciseHelpView.count()).toBe(before);
  });

  it("signed in: hint n+1 only after hint n, each first view recorded once, re-reading an earlier hint is free", async () => {
    const userId = await newUser();
    await expect(serveHint(t.db, userId, "softmax", { number: 2 }, hints)).rejects.toMatchObject({
      status: 422,
      message: "Hints come one at a time: ask for hint 1 before hint 2.",
    });
    expect((await serveHint(t.db, userId, "softmax", { number: 1 }, hints)).progress?.hintsUsed).toBe(1);
    expect((await serveHint(t.db, userId, "softmax", { number: 2 }, hints)).progress?.hintsUsed).toBe(2);
    expect((await serveHint(t.db, userId, "softmax", { number: 1 }, hints)).progress?.hintsUsed).toBe(2);
    const views = await t.db.exerciseHelpView.findMany({ where: { userId }, orderBy: { hint: "asc" } });
    expect(views.map((v) => [v.kind, v.exerciseId, v.hint])).toEqual([
      ["HINT", "softmax", 1],
      ["HINT", "softmax", 2],
    ]);
  });

  it.each([
    [{ number: 0 }, "number must be at least 1"],
    [{ number: 99 }, "this exercise has"],
    [{ number: 1.5 }, "whole number"],
    [{ revealed: 1 }, "number"],
  ])("a bad request %j is a 422 that says what is wrong", async (body, message) => {
    await expect(serveHint(t.db, null, "softmax", body, hints)).rejects.toMatchObject({ name: "ZodError" });
    await serveHint(t.db, null, "softmax", body, hints).catch((error: Error) => expect(error.message).toContain(message));
  });
});

describe("the reference solution", () => {
  it("needs sign-in (401 with a reason), and a signed-in view is recorded and shown on the instructor's timeline with the hints", async () => {
    await expect(serveSolution(t.db, null, "softmax", readSolutionSource)).rejects.toMatchObject({ status: 401 });
    const userId = await newUser();
    await serveHint(t.db, userId, "softmax", { number: 1 }, hints);
    const { solution, progress } = await serveSolution(t.db, userId, "softmax", readSolutionSource);
    expect(solution).toContain("export function softmax");
    expect(progress.solutionViewedAt).not.toBeNull();
    await serveSolution(t.db, userId, "softmax", readSolutionSource);
    expect(await t.db.exerciseHelpView.count({ where: { userId, kind: "SOLUTION" } })).toBe(1);

    const outline = { lessons: [], quizzes: [], exercises: [{ id: "softmax", title: "Softmax", lesson: "self-attention" }] };
    const overview = await getLearnerOverview(t.db, userId, new Date(Date.now() - 60_000), outline);
    const help = overview.timeline.filter((e) => e.kind === "hint-viewed" || e.kind === "solution-viewed");
    expect(help).toEqual([
      { kind: "solution-viewed", at: expect.any(Date), exercise: "softmax", title: "Softmax" },
      { kind: "hint-viewed", at: expect.any(Date), exercise: "softmax", title: "Softmax", hint: 1 },
    ]);
  });
});
