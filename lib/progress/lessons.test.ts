import { describe, expect, it } from "@jest/globals";
import { setUpTestDatabase } from "@/tests/support/test-db";
import { HttpError } from "../http/errors";
import { fixtureCatalog } from "../../tests/support/progress-catalog-fixture";
import { writeLessonProgress } from "./lessons";
import { createLearner } from "../../tests/support/test-users";

const catalog = fixtureCatalog();
// A pool as large as the parallel writes below, so they really run at the same time.
const t = setUpTestDatabase(10);

const row = (userId: string, lessonSlug: string) =>
  t.db.lessonProgress.findUnique({ where: { userId_lessonSlug: { userId, lessonSlug } } });

describe("writeLessonProgress", () => {
  it("records a visit as in progress, once, however often it is sent", async () => {
    const me = await createLearner(t.db);
    const first = await writeLessonProgress(t.db, catalog, me.id, "what-is-ai", {});
    const again = await writeLessonProgress(t.db, catalog, me.id, "what-is-ai", {}, new Date(Date.now() + 5_000));
    expect(first.status).toBe("IN_PROGRESS");
    expect(again.status).toBe("IN_PROGRESS");
    expect(again.startedAt.getTime()).toBe(first.startedAt.getTime());
    expect(await t.db.lessonProgress.count({ where: { userId: me.id } })).toBe(1);
  });

  it("completes a lesson once: the first completion time stays, and later visits do not undo it", async () => {
    const me = await createLearner(t.db);
    const t0 = new Date("2026-01-01T10:00:00Z");
    const done = await writeLessonProgress(t.db, catalog, me.id, "what-is-ai", { complete: true }, t0);
    expect(done).toMatchObject({ status: "COMPLETE", completedAt: t0 });
    await writeLessonProgress(t.db, catalog, me.id, "what-is-ai", { complete: true }, new Date("2026-01-02T10:00:00Z"));
    await writeLessonProgress(t.db, catalog, me.id, "what-is-ai", { section: "intro" }, new Date("2026-01-03T10:00:00Z"));
    const stored = await row(me.id, "what-is-ai");
    expect(stored).toMatchObject({ status: "COMPLETE", completedAt: t0, startedAt: t0, lastSection: "intro" });
  });

  it("keeps the section of the newest live report", async () => {
    const me = await createLearner(t.db);
    await writeLessonProgress(t.db, catalog, me.id, "self-attention", { section: "scores-from-queries-and-keys" });
    const latest = await writeLessonProgress(t.db, catalog, me.id, "self-attention", { section: "softmax" });
    expect(latest.lastSection).toBe("softmax");
  });

  it("counts reading time per visit by its largest cumulative report: repeats and late reports change nothing", async () => {
    const me = await createLearner(t.db);
    const w = (visitId: string, seconds: number) => writeLessonProgress(t.db, catalog, me.id, "self-attention", { time: { visitId, seconds } });
    expect((await w("visit-aaaa", 30)).timeSpentSeconds).toBe(30);
    expect((await w("visit-aaaa", 30)).timeSpentSeconds).toBe(30);
    expect((await w("visit-aaaa", 45)).timeSpentSeconds).toBe(45);
    expect((await w("visit-aaaa", 20)).timeSpentSeconds).toBe(45);
    expect((await w("visit-bbbb", 10)).timeSpentSeconds).toBe(55);
    // A visit id is bound to its lesson: reusing it for another lesson cannot move time around.
    const other = await writeLessonProgress(t.db, catalog, me.id, "what-is-ai", { time: { visitId: "visit-aaaa", seconds: 999 } });
    expect(other.timeSpentSeconds).toBe(0);
    expect((await row(me.id, "self-attention"))!.timeSpentSeconds).toBe(55);
  });

  it("rejects an unknown lesson with a 404 and writes nothing", async () => {
    const me = await createLearner(t.db);
    const attempt = writeLessonProgress(t.db, catalog, me.id, "no-such-lesson", { complete: true });
    await expect(attempt).rejects.toThrow(HttpError);
    await expect(attempt).rejects.toMatchObject({ status: 404, message: 'There is no lesson "no-such-lesson" in the course.' });
    expect(await t.db.lessonProgress.count({ where: { userId: me.id } })).toBe(0);
  });

  it("20 parallel completion, section and time writes from two tabs lose nothing", async () => {
    const me = await createLearner(t.db);
    const writes = Array.from({ length: 20 }, (_, i) => {
      const tab = i % 2 === 0 ? "tab-one-visit" : "tab-two-visit";
      const seconds = 15 * (Math.floor(i / 2) + 1); // each tab: 15, 30, ..., 150
      if (i === 7) return writeLessonProgress(t.db, catalog, me.id, "self-attention", { complete: true, time: { visitId: tab, seconds } });
      if (i % 3 === 0) return writeLessonProgress(t.db, catalog, me.id, "self-attention", { section: "softmax", time: { visitId: tab, seconds } });
      return writeLessonProgress(t.db, catalog, me.id, "self-attention", { time: { visitId: tab, seconds } });
    });
    // The same events again, at the same time (retries).
    const retries = Array.from({ length: 5 }, (_, i) => writeLessonProgress(t.db, catalog, me.id, "self-attention", { time: { visitId: "tab-one-visit", seconds: 15 * (i + 1) } }));
    await Promise.all([...writes, ...retries]);
    const stored = await row(me.id, "self-attention");
    expect(stored).toMatchObject({ status: "COMPLETE", lastSection: "softmax", timeSpentSeconds: 300 });
    expect(stored!.completedAt).not.toBeNull();
    const visits = await t.db.lessonVisit.findMany({ where: { userId: me.id }, orderBy: { visitId: "asc" } });
    expect(visits.map((v) => [v.visitId, v.seconds])).toEqual([
      ["tab-one-visit", 150],
      ["tab-two-visit", 150],
    ]);
  });

  it("20 parallel first visits of different lessons and the same lesson all land", async () => {
    const me = await createLearner(t.db);
    const slugs = catalog.lessons.map((l) => l.slug);
    await Promise.all(Array.from({ length: 20 }, (_, i) => writeLessonProgress(t.db, catalog, me.id, slugs[i % slugs.length], { time: { visitId: `visit-${i}-xyz`, seconds: 10 } })));
    const rows = await t.db.lessonProgress.findMany({ where: { userId: me.id } });
    expect(rows).toHaveLength(slugs.length);
    for (const r of rows) expect(r.timeSpentSeconds).toBe(10 * (20 / slugs.length));
  });

  it("dated reports (the merge): the server stamps start and completion, an older section does not replace a newer one", async () => {
    const me = await createLearner(t.db);
    const now = new Date("2026-06-01T12:00:00Z");
    await writeLessonProgress(t.db, catalog, me.id, "self-attention", { section: "softmax", complete: true }, now);
    const mergedAt = new Date("2026-06-01T12:05:00Z");
    const merged = await writeLessonProgress(
      t.db,
      catalog,
      me.id,
      "self-attention",
      { complete: true, section: "scores-from-queries-and-keys", touchedAt: new Date("2026-05-01T09:00:00Z") },
      mergedAt,
    );
    expect(merged).toMatchObject({ completedAt: now, startedAt: now, lastSection: "softmax", updatedAt: mergedAt });
    // A browser that says it finished a lesson long ago: completed when the server heard of it.
    const backdated = await writeLessonProgress(t.db, catalog, me.id, "what-is-ai", { complete: true, touchedAt: new Date("2024-01-02T00:00:00Z") }, now);
    expect(backdated).toMatchObject({ completedAt: now, startedAt: now });
  });

  it("never touches another learner's rows", async () => {
    const a = await createLearner(t.db, "Ann");
    const b = await createLearner(t.db, "Ben");
    await writeLessonProgress(t.db, catalog, a.id, "what-is-ai", { section: "intro", time: { visitId: "shared-visit-id", seconds: 40 } });
    await writeLessonProgress(t.db, catalog, b.id, "what-is-ai", { complete: true, section: "other", time: { visitId: "shared-visit-id", seconds: 500 } });
    expect(await row(a.id, "what-is-ai")).toMatchObject({ status: "IN_PROGRESS", lastSection: "intro", timeSpentSeconds: 40 });
    expect(await row(b.id, "what-is-ai")).toMatchObject({ status: "COMPLETE", lastSection: "other", timeSpentSeconds: 500 });
  });
});
