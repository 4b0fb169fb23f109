/**
 * The progress and account API routes, called as Next calls them, with the session replaced by
 * a test double: who is asking is the only thing mocked. Checks that every route takes the user
 * from the session only (learner B can neither read nor write learner A's data through any of
 * them), and that bad requests get a clear 4xx.
 */
import { beforeEach, describe, expect, it, jest } from "@jest/globals";
import { session, setUpRouteTest, type RouteTest } from "@/tests/support/route-test";
import type { SessionUser } from "@/lib/auth/session";

// Who is asking: the one thing replaced. The app's own requireUser / requirePermission run on top.
jest.mock("next-auth", () => jest.requireActual<RouteTest>("@/tests/support/route-test").nextAuthDouble);
jest.mock("@/lib/db/client", () => jest.requireActual<RouteTest>("@/tests/support/route-test").dbClientDouble);

const { t, routes } = setUpRouteTest(async () => ({
  progress: await import("./route"),
  lesson: await import("./lessons/[slug]/route"),
  merge: await import("./merge/route"),
  me: await import("../me/route"),
  track: await import("../me/track/route"),
  export: await import("../me/export/route"),
}));
let ann: SessionUser;
let ben: SessionUser;

async function makeUser(name: string): Promise<SessionUser> {
  const user = await t.db.user.create({ data: { name, email: `${name.toLowerCase()}-${Date.now()}-${Math.random()}@example.test` } });
  return { id: user.id, name: user.name, email: user.email, role: "LEARNER" };
}

beforeEach(async () => {
  ann = await makeUser("Ann");
  ben = await makeUser("Ben");
});

const json = (body: unknown, init: RequestInit = {}) =>
  new Request("http://localhost/api/x", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), ...init });
const slug = (value: string) => ({ params: Promise.resolve({ slug: value }) });
const as = (user: SessionUser | null) => {
  session.user = user;
};
const body = async (response: Response) => (await response.json()) as Record<string, unknown>;

describe("who is asking", () => {
  it("every route answers 401 to an anonymous visitor and writes nothing", async () => {
    as(null);
    const responses = await Promise.all([
      routes.progress.GET(),
      routes.lesson.POST(json({ complete: true }), slug("what-is-ai")),
      routes.merge.POST(json({ lessons: [] })),
      routes.me.GET(),
      routes.me.DELETE(json({ confirmEmail: "x@example.test" }, { method: "DELETE" })),
      routes.track.PUT(json({ track: "CONCEPT" }, { method: "PUT" })),
      routes.export.GET(),
    ]);
    expect(responses.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 401, 401]);
    expect(await body(responses[0])).toMatchObject({ error: "Please sign in to do this." });
    expect(await t.db.lessonProgress.count()).toBe(0);
  });

  it("learner B cannot read or change learner A's data through any route", async () => {
    as(ann);
    expect((await routes.lesson.POST(json({ complete: true, section: "ann-was-here", time: { visitId: "ann-visit-1", seconds: 60 } }), slug("what-is-ai"))).status).toBe(200);
    expect((await routes.track.PUT(json({ track: "CONCEPT" }, { method: "PUT" }))).status).toBe(200);
    const annBefore = await routes.export.GET().then((r) => r.text());

    as(ben);
    // Reads show Ben's (empty) progress only.
    expect(await body(await routes.progress.GET())).toEqual({ track: "BUILDER", lessons: {}, exercisesPassed: [] });
    const benExport = await routes.export.GET().then((r) => r.text());
    expect(benExport).not.toContain(ann.id);
    expect(benExport).not.toContain("ann-was-here");
    expect(JSON.parse(benExport).profile.id).toBe(ben.id);
    expect(await body(await routes.me.GET())).toMatchObject({ user: { id: ben.id, email: ben.email } });

    // A user id in a body is refused, never used.
    const smuggled = await routes.lesson.POST(json({ complete: true, userId: ann.id }), slug("self-attention"));
    expect(smuggled.status).toBe(422);
    expect((await body(smuggled)).error).toMatch(/Unrecognized key/);
    expect((await routes.merge.POST(json({ userId: ann.id, lessons: [] }))).status).toBe(422);
    expect((await routes.track.PUT(json({ track: "BUILDER", userId: ann.id }, { method: "PUT" }))).status).toBe(422);

    // Ben's own writes land on Ben.
    await routes.lesson.POST(json({ section: "ben-was-here", time: { visitId: "ann-visit-1", seconds: 999 } }), slug("what-is-ai"));
    await routes.merge.POST(json({ lessons: [{ slug: "self-attention", status: "complete", updatedAt: Date.now() }] }));
    await routes.track.PUT(json({ track: "BUILDER" }, { method: "PUT" }));

    // Deleting needs Ben's own email; Ann's does not delete Ann (or Ben).
    const wrong = await routes.me.DELETE(json({ confirmEmail: ann.email }, { method: "DELETE" }));
    expect(wrong.status).toBe(422);
    expect(await t.db.user.count({ where: { id: { in: [ann.id, ben.id] } } })).toBe(2);

    as(ann);
    const annAfter = await routes.export.GET().then((r) => r.text());
    const strip = (s: string) => ({ ...JSON.parse(s), exportedAt: null });
    expect(strip(annAfter)).toEqual(strip(annBefore));
    expect(await body(await routes.progress.GET())).toEqual({
      track: "CONCEPT",
      lessons: { "what-is-ai": { status: "complete", section: "ann-was-here" } },
      exercisesPassed: [],
    });
  });

  it("deleting with the right email removes the account and its data", async () => {
    as(ben);
    await routes.lesson.POST(json({ complete: true }), slug("what-is-ai"));
    const response = await routes.me.DELETE(json({ confirmEmail: ben.email }, { method: "DELETE" }));
    expect(response.status).toBe(200);
    expect(await body(response)).toEqual({ deleted: true });
    expect(await t.db.user.count({ where: { id: ben.id } })).toBe(0);
    expect(await t.db.lessonProgress.count({ where: { userId: ben.id } })).toBe(0);
    // The (still signed) session of a deleted account gets a 401, not someone else's data.
    expect((await routes.progress.GET()).status).toBe(401);
  });
});

describe("bad requests get a clear 4xx", () => {
  beforeEach(() => as(ann));

  it("unknown lesson -> 404; malformed slug, bad shapes, empty event -> 422", async () => {
    const unknown = await routes.lesson.POST(json({ complete: true }), slug("no-such-lesson"));
    expect(unknown.status).toBe(404);
    expect(await body(unknown)).toMatchObject({ error: 'There is no lesson "no-such-lesson" in the course.' });

    const cases: [string, unknown, RegExp][] = [
      ["Not_A_Slug", { complete: true }, /lesson must be a lower-case id/],
      ["what-is-ai", {}, /send at least one of visit, section, complete or time/],
      ["what-is-ai", { complete: false }, /complete/],
      ["what-is-ai", { section: "<script>" }, /section must be a heading anchor/],
      ["what-is-ai", { time: { visitId: "v", seconds: 10 } }, /visitId must be 8-64/],
      ["what-is-ai", { time: { visitId: "visit-abc-1", seconds: -5 } }, /seconds must not be negative/],
      ["what-is-ai", { time: { visitId: "visit-abc-1", seconds: 1e9 } }, /seconds must be at most 21600/],
      ["what-is-ai", [], /expected object/],
    ];
    for (const [lesson, payload, message] of cases) {
      const response = await routes.lesson.POST(json(payload), slug(lesson));
      expect({ lesson, payload, status: response.status }).toEqual({ lesson, payload, status: 422 });
      expect((await body(response)).error).toMatch(message);
    }
    expect((await routes.track.PUT(json({ track: "EXPERT" }, { method: "PUT" }))).status).toBe(422);
    expect(await t.db.lessonProgress.count({ where: { userId: ann.id } })).toBe(0);
  });

  it("not JSON -> 400, too large -> 413, wrong content type -> 415", async () => {
    const notJson = await routes.lesson.POST(new Request("http://localhost/x", { method: "POST", headers: { "content-type": "application/json" }, body: "{complete" }), slug("what-is-ai"));
    expect(notJson.status).toBe(400);
    expect(await body(notJson)).toMatchObject({ error: "The request body is not valid JSON." });

    const big = await routes.lesson.POST(json({ section: "a".repeat(5000) }), slug("what-is-ai"));
    expect(big.status).toBe(413);

    const hugeMerge = await routes.merge.POST(json({ lessons: [], pad: "x".repeat(2 * 1024 * 1024) }));
    expect(hugeMerge.status).toBe(413);

    const form = await routes.lesson.POST(new Request("http://localhost/x", { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ complete: true }) }), slug("what-is-ai"));
    expect(form.status).toBe(415);
    expect(await t.db.lessonProgress.count({ where: { userId: ann.id } })).toBe(0);
  });

  it("the same report twice records once, and answers are never cached", async () => {
    const report = { complete: true, time: { visitId: "visit-twice-1", seconds: 30 } };
    const first = await routes.lesson.POST(json(report), slug("what-is-ai"));
    const second = await routes.lesson.POST(json(report), slug("what-is-ai"));
    const [a, b] = [await body(first), await body(second)];
    expect(b).toEqual(a);
    expect(b).toMatchObject({ lesson: { status: "complete", timeSpentSeconds: 30 } });
    expect(second.headers.get("cache-control")).toBe("private, no-store");
    const download = await routes.export.GET();
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="llm-academy-export-\d{4}-\d{2}-\d{2}\.json"$/);
  });
});
