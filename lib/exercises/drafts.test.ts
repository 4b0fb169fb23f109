/**
 * Drafts and the reference solution against a real database: newest code wins, a learner only
 * ever reads their own draft, and the solution is returned only after its view is recorded.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { ZodError } from "zod";
import { setUpTestDatabase } from "@/tests/support/test-db";
import { describeZodError } from "@/lib/http/errors";
import { getDraft, saveDraft } from "./drafts";
import { getProgress } from "./progress";
import { serveSolution } from "./help";
import { readSolutionSource } from "./content";

const t = setUpTestDatabase();

async function newUser(tag: string): Promise<string> {
  const user = await t.db.user.create({ data: { email: `${tag}-${randomUUID()}@example.test`, name: tag } });
  return user.id;
}

describe("drafts", () => {
  it("stores the latest code and gives it back", async () => {
    const userId = await newUser("draft");
    const at = Date.now() - 5000;
    expect(await getDraft(t.db, userId, "softmax")).toBeNull();
    expect(await saveDraft(t.db, userId, "softmax", { code: "const a = 1;", updatedAt: at })).toEqual({
      saved: true,
      draft: { code: "const a = 1;", updatedAt: at },
    });
    await saveDraft(t.db, userId, "softmax", { code: "const a = 2;", updatedAt: at + 1000 });
    expect(await getDraft(t.db, userId, "softmax")).toEqual({ code: "const a = 2;", updatedAt: at + 1000 });
  });

  it("an older save arriving late does not overwrite newer code, and says so", async () => {
    const userId = await newUser("stale");
    const at = Date.now() - 60_000;
    await saveDraft(t.db, userId, "softmax", { code: "newer", updatedAt: at + 2000 });
    const late = await saveDraft(t.db, userId, "softmax", { code: "older", updatedAt: at });
    expect(late).toEqual({ saved: false, draft: { code: "newer", updatedAt: at + 2000 } });
    expect((await getDraft(t.db, userId, "softmax"))?.code).toBe("newer");
  });

  it("with many saves in flight at once, the newest one is what remains", async () => {
    const userId = await newUser("race");
    const at = Date.now() - 60_000;
    const saves = Array.from({ length: 15 }, (_, i) => ({ code: `version ${i}`, updatedAt: at + i * 10 }));
    saves.reverse();
    await Promise.all(saves.map((s) => saveDraft(t.db, userId, "softmax", s)));
    expect(await getDraft(t.db, userId, "softmax")).toEqual({ code: "version 14", updatedAt: at + 140 });
  });

  it("a clock in the future is clamped to now", async () => {
    const userId = await newUser("future");
    const result = await saveDraft(t.db, userId, "softmax", { code: "x", updatedAt: Date.now() + 86_400_000 });
    expect(result.draft.updatedAt).toBeLessThanOrEqual(Date.now());
    // So a normal save a moment later still wins.
    await new Promise((r) => setTimeout(r, 5));
    expect((await saveDraft(t.db, userId, "softmax", { code: "y", updatedAt: Date.now() })).saved).toBe(true);
  });

  it("another learner cannot read your draft", async () => {
    const alice = await newUser("alice");
    const bob = await newUser("bob");
    await saveDraft(t.db, alice, "causal-mask", { code: "alice's secret attempt", updatedAt: Date.now() });
    expect(await getDraft(t.db, bob, "causal-mask")).toBeNull();
    await saveDraft(t.db, bob, "causal-mask", { code: "bob's", updatedAt: Date.now() });
    expect((await getDraft(t.db, alice, "causal-mask"))?.code).toBe("alice's secret attempt");
    expect((await getDraft(t.db, bob, "causal-mask"))?.code).toBe("bob's");
  });

  it("rejects oversized or malformed drafts with a clear message", async () => {
    const userId = await newUser("bad-draft");
    const message = async (input: unknown) => {
      try {
        await saveDraft(t.db, userId, "softmax", input);
      } catch (error) {
        return describeZodError(error as ZodError);
      }
      return "accepted";
    };
    expect(await message({ code: "x".repeat(100 * 1024 + 1), updatedAt: Date.now() })).toBe("code: code is larger than 100 KB");
    expect(await message({ code: 42, updatedAt: Date.now() })).toBe("code: code must be a string");
    expect(await message({ code: "ok" })).toBe("updatedAt: updatedAt must be a time in milliseconds");
    expect(await message({ code: "x".repeat(100 * 1024), updatedAt: Date.now() })).toBe("accepted");
    await expect(saveDraft(t.db, userId, "../secrets", { code: "x", updatedAt: 1 })).rejects.toMatchObject({ status: 404 });
  });
});

describe("show solution", () => {
  it("records the view before the source is read, and keeps the first view's time", async () => {
    const userId = await newUser("solution");
    let viewedWhenRead: string | null = null;
    const first = await serveSolution(t.db, userId, "softmax", async (id) => {
      viewedWhenRead = (await getProgress(t.db, userId, id)).solutionViewedAt;
      return readSolutionSource(id);
    });
    expect(viewedWhenRead).not.toBeNull();
    expect(first.solution).toBe(readFileSync(path.join(process.cwd(), "exercises", "softmax", "solution.ts"), "utf8"));
    expect(first.progress?.solutionViewedAt).toBe(viewedWhenRead);

    const second = await serveSolution(t.db, userId, "softmax", readSolutionSource);
    expect(second.progress?.solutionViewedAt).toBe(first.progress?.solutionViewedAt);
  });

  it("reveals nothing when the view cannot be recorded", async () => {
    let read = false;
    // No such user: the foreign key refuses the progress row.
    await expect(
      serveSolution(t.db, "no-such-user", "softmax", async () => {
        read = true;
        return "solution";
      }),
    ).rejects.toThrow();
    expect(read).toBe(false);
  });

  it("signed out, the solution is refused with a reason (401) and nothing is read or recorded", async () => {
    const before = await t.db.exerciseProgress.count();
    let read = false;
    await expect(
      serveSolution(t.db, null, "causal-mask", async () => {
        read = true;
        return "solution";
      }),
    ).rejects.toMatchObject({ status: 401, message: expect.stringMatching(/^Sign in to see the reference solution/) });
    expect(read).toBe(false);
    expect(await t.db.exerciseProgress.count()).toBe(before);
  });

  it("only ids in the registry can be read", async () => {
    await expect(readSolutionSource("../../package")).rejects.toMatchObject({ status: 404 });
  });
});
