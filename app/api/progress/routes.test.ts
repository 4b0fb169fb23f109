/**
 * The progress and account API routes, called as Next calls them, with the session replaced by
 * a test double: who is asking is the only thing mocked. Checks that every route takes the user
 * from the session only (learner B can neither read nor write learner A's data through any of
 * them), and that bad requests get a clear 4xx.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from "@jest/globals";
import { startTestDatabase, type TestDatabase } from "@/tests/support/test-db";
import type { SessionUser } from "@/lib/auth/session";

let mockUser: SessionUser | null = null;
let mockDb: unknown = null;

// Who is asking: the one thing replaced. The app's own requireUser / requirePermission run on top.
jest.mock("next-auth", () => ({ getServerSession: async () => (mockUser ? { user: mockUser } : null) }));
jest.mock("@/lib/db/client", () => ({ getDb: () => mockDb }));

// Loaded after the mocks above are in place (imports would be hoisted above them).
let progressRoute: typeof import("./route");
let lessonRoute: typeof import("./lessons/[slug]/route");
let mergeRoute: typeof import("./merge/route");
let meRoute: typeof import("../me/route");
let trackRoute: typeof import("../me/track/route");
let exportRoute: typeof import("../me/export/route");

let t: TestDatabase;
let ann: SessionUser;
let ben: SessionUser;

beforeAll(async () => {
  t = await startTestDatabase(5);
  mockDb = t.db;
  progressRoute = await import("./route");
  lessonRoute = await import("./lessons/[slug]/route");
  mergeRoute = await import("./merge/route");
  meRoute = await import("../me/route");
  trackRoute = await import("../me/track/route");
  exportRoute = await import("../me/export/route");
}, 60_000);
afterAll(async () => t?.stop());

async function makeUser(name: string): Promise<SessionUser> {
  const user = await t.db.user.create({ data: { name, email: `${name.toLowerCase()}-${Date.now()}-${Math.random()}@example.test` } });
  return { id: user.id, name: user.name, email: user.email, role: "LEARNER" };
}

beforeEach(async () => {
  ann = await makeUser("Ann");
  ben = await makeUser("Ben");
  mockUser = null;
});

const json = (body: unknown, init: RequestInit = {}) =>
  new Request("http://localhost/api/x", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), ...init });
const slug = (value: string) => ({ params: Promise.resolve({ slug: value }) });
const as = (user: SessionUser | null) => {
  mockUser = user;
};
const body = async (response: Response) => (await response.json()) as Record<string, unknown>;

describe("who is asking", () => {
  it("every route answers 401 to an anonymous visitor and writes nothing", async () => {
    as(null);
    const responses = await Promise.all([
      progressRoute.GET(),
      lessonRoute.POST(json({ complete: true }), slug("what-is-ai")),
      mergeRoute.POST(json({ lessons: [] })),
      meRoute.GET(),
      meRoute.DELETE(json({ confirmEmail: "x@example.test" }, { method: "DELETE" })),
      trackRoute.PUT(json({ track: "CONCEPT" }, { method: "PUT" })),
      exportRoute.GET(),
    ]);
    expect(responses.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 401, 401]);
    expect(await body(responses[0])).toMatchObject({ error: "Please sign in to do this." });
    expect(await t.db.lessonProgress.count()).toBe(0);
  });

  it("learner B cannot read or change learner A's data through any route", async () => {
    as(ann);
    expect((await lessonRoute.POST(json({ complete: true, section: "ann-was-here", time: { visitId: "ann-visit-1", seconds: 60 } }), slug("what-is-ai"))).status).toBe(200);
    expect((await trackRoute.PUT(json({ track: "CONCEPT" }, { method: "PUT" }))).status).toBe(200);
    const annBefore = await exportRoute.GET().then((r) => r.text());

    as(ben);
    // Reads show Ben's (empty) progress only.
    expect(await body(await progressRoute.GET())).toEqual({ track: "BUILDER", lessons: {}, exercisesPassed: [] });
    const benExport = await exportRoute.GET().then((r) => r.text());
    expect(benExport).not.toContain(ann.id);
    expect(benExport).not.toContain("ann-was-here");
    expect(JSON.parse(benExport).profile.id).toBe(ben.id);
    expect(await body(await meRoute.GET())).toMatchObject({ user: { id: ben.id, email: ben.email } });

    // A user id in a body is refused, never used.
    const smuggled = await lessonRoute.POST(json({ complete: true, userId: ann.id }), slug("self-attention"));
    expect(smuggled.status).toBe(422);
    expect((await body(smuggled)).error).toMatch(/Unrecognized key/);
    expect((await mergeRoute.POST(json({ userId: ann.id, lessons: [] }))).status).toBe(422);
    expect((await trackRoute.PUT(json({ track: "BUILDER", userId: ann.id }, { method: "PUT" }))).status).toBe(422);

    // Ben's own writes land on Ben.
    await lessonRoute.POST(json({ section: "ben-was-here", time: { visitId: "ann-visit-1", seconds: 999 } }), slug("what-is-ai"));
    await mergeRoute.POST(json({ lessons: [{ slug: "self-attention", status: "complete", updatedAt: Date.now() }] }));
    await trackRoute.PUT(json({ track: "BUILDER" }, { method: "PUT" }));

    // Deleting needs Ben's own email; Ann's does not delete Ann (or Ben).
    const wrong = await meRoute.DELETE(json({ confirmEmail: ann.email }, { method: "DELETE" }));
    expect(wrong.status).toBe(422);
    expect(await t.db.user.count({ where: { id: { in: [ann.id, ben.id] } } })).toBe(2);

    as(ann);
    const annAfter = await exportRoute.GET().then((r) => r.text());
    const strip = (s: string) => ({ ...JSON.parse(s), exportedAt: null });
    expect(strip(annAfter)).toEqual(strip(annBefore));
    expect(await body(await progressRoute.GET())).toEqual({
      track: "CONCEPT",
      lessons: { "what-is-ai": { status: "complete", section: "ann-was-here" } },
      exercisesPassed: [],
    });
  });

  it("deleting with the right email removes the account and its data", async () => {
    as(ben);
    await lessonRoute.POST(json({ complete: true }), slug("what-is-ai"));
    const response = await meRoute.DELETE(json({ confirmEmail: ben.email }, { method: "DELETE" }));
    expect(response.status).toBe(200);
    expect(await body(response)).toEqual({ deleted: true });
    expect(await t.db.user.count({ where: { id: ben.id } })).toBe(0);
    expect(await t.db.lessonProgress.count({ where: { userId: ben.id } })).toBe(0);
    // The (still signed) session of a deleted account gets a 401, not someone else's data.
    expect((await progressRoute.GET()).status).toBe(401);
  });
});

describe("bad requests get a clear 4xx", () => {
  beforeEach(() => as(ann));

  it("unknown lesson -> 404; malformed slug, bad shapes, empty event -> 422", async () => {
    const unknown = await lessonRoute.POST(json({ complete: true }), slug("no-such-lesson"));
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
      const response = await lessonRoute.POST(json(payload), slug(lesson));
      expect({ lesson, payload, status: response.status }).toEqual({ lesson, payload, status: 422 });
      expect((await body(response)).error).toMatch(message);
    }
    expect((await trackRoute.PUT(json({ track: "EXPERT" }, { method: "PUT" }))).status).toBe(422);
    expect(await t.db.lessonProgress.count({ where: { userId: ann.id } })).toBe(0);
  });

  it("not JSON -> 400, too large -> 413, wrong content type -> 415", async () => {
    const notJson = await lessonRoute.POST(new Request("http://localhost/x", { method: "POST", headers: { "content-type": "application/json" }, body: "{complete" }), slug("what-is-ai"));
    expect(notJson.status).toBe(400);
    expect(await body(notJson)).toMatchObject({ error: "The request body is not valid JSON." });

    const big = await lessonRoute.POST(json({ section: "a".repeat(5000) }), slug("what-is-ai"));
    expect(big.status).toBe(413);

    const hugeMerge = await mergeRoute.POST(json({ lessons: [], pad: "x".repeat(2 * 1024 * 1024) }));
    expect(hugeMerge.status).toBe(413);

    const form = await lessonRoute.POST(new Request("http://localhost/x", { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ complete: true }) }), slug("what-is-ai"));
    expect(form.status).toBe(415);
    expect(await t.db.lessonProgress.count({ where: { userId: ann.id } })).toBe(0);
  });

  it("the same report twice records once, and answers are never cached", async () => {
    const report = { complete: true, time: { visitId: "visit-twice-1", seconds: 30 } };
    const first = await lessonRoute.POST(json(report), slug("what-is-ai"));
    const second = await lessonRoute.POST(json(report), slug("what-is-ai"));
    const [a, b] = [await body(first), await body(second)];
    expect(b).toEqual(a);
    expect(b).toMatchObject({ lesson: { status: "complete", timeSpentSeconds: 30 } });
    expect(second.headers.get("cache-control")).toBe("private, no-store");
    const download = await exportRoute.GET();
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="llm-academy-export-\d{4}-\d{2}-\d{2}\.json"$/);
  });
});
