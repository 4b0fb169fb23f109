/**
 * Every write route, and the two search boxes, sent every kind of bad input a probe tried:
 * malformed JSON, a non-JSON body, 5 MB, deep nesting, and a NUL (\u0000) or a lone surrogate
 * (\ud800) in each text field; a year-0000 date; reading time past any sane total. Each must be
 * a 4xx with a message a person can read (never a 500), and nothing broken may be stored.
 * Real database (PGlite locally, PostgreSQL in CI); only "who is asking" is a test double.
 */
import { beforeAll, describe, expect, it, jest } from "@jest/globals";
import { randomUUID } from "node:crypto";
import { session, setUpRouteTest, type RouteTest } from "@/tests/support/route-test";
import type { SessionUser } from "@/lib/auth/session";
import { MAX_JSON_DEPTH } from "@/lib/http/route";

// Who is asking: the one thing replaced. The app's own requireUser / requirePermission run on top.
jest.mock("next-auth", () => jest.requireActual<RouteTest>("@/tests/support/route-test").nextAuthDouble);
jest.mock("@/lib/db/client", () => jest.requireActual<RouteTest>("@/tests/support/route-test").dbClientDouble);
// Jest cannot load the ESM markdown pipeline (unified); a hint's rendering is not what this table
// checks, and the real renderer is exercised by tests/e2e/hints.e2e.ts.
jest.mock("@/lib/exercises/hint-render", () => ({ renderHint: async (id: string, number: number) => ({ type: "root", children: [{ type: "text", value: `hint ${number} of ${id}` }] }) }));
jest.mock("@/lib/course/course-index-server", () => {
  const { FIXTURE_OUTLINE: outline } = jest.requireActual<typeof import("@/tests/support/cohort-analytics-fixture")>("@/tests/support/cohort-analytics-fixture");
  return { ...jest.requireActual<object>("@/lib/course/course-index-server"), getCourseOutline: () => outline };
});

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface WriteCase {
  name: string;
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  handler: () => Handler;
  params?: () => Record<string, string>;
  as: () => SessionUser;
  /** A body the route accepts. */
  body: () => Record<string, unknown>;
  /** Paths of the text fields inside body, e.g. "results.0.message". */
  textFields: string[];
}

let learner: SessionUser;
let instructor: SessionUser;
let admin: SessionUser;
let cohortId: string;
const { t, routes } = setUpRouteTest(
  async () =>
    ({
      account: await import("@/app/api/account/route"),
      userRole: await import("@/app/api/admin/users/[id]/route"),
      users: await import("@/app/api/admin/users/route"),
      cohorts: await import("@/app/api/cohorts/route"),
      cohort: await import("@/app/api/cohorts/[id]/route"),
      join: await import("@/app/api/cohorts/join/route"),
      instructors: await import("@/app/api/cohorts/[id]/instructors/route"),
      joinCode: await import("@/app/api/cohorts/[id]/join-code/route"),
      matrix: await import("@/app/api/cohorts/[id]/matrix/route"),
      attempts: await import("@/app/api/exercises/[id]/attempts/route"),
      draft: await import("@/app/api/exercises/[id]/draft/route"),
      hint: await import("@/app/api/exercises/[id]/hint/route"),
      me: await import("@/app/api/me/route"),
      track: await import("@/app/api/me/track/route"),
      lesson: await import("@/app/api/progress/lessons/[slug]/route"),
      merge: await import("@/app/api/progress/merge/route"),
      quiz: await import("@/app/api/quizzes/[quizId]/attempts/route"),
    }) as unknown as Record<string, Record<string, Handler>>,
);

const NUL = "a\u0000b";
const LONE = "a\ud800b";

async function account(name: string, role: SessionUser["role"]): Promise<SessionUser> {
  const u = await t.db.user.create({ data: { name, email: `${name.toLowerCase()}-${randomUUID()}@example.test`, role } });
  return { id: u.id, name: u.name, email: u.email, role };
}

beforeAll(async () => {
  learner = await account("Lena", "LEARNER");
  instructor = await account("Ines", "INSTRUCTOR");
  admin = await account("Adam", "ADMIN");
  const cohort = await t.db.cohort.create({
    data: { name: "Probe", startsAt: new Date(), joinCode: "PROBE234", createdById: instructor.id, instructors: { create: { userId: instructor.id } } },
  });
  cohortId = cohort.id;
}, 180_000);

const run = () => ({
  clientRunId: randomUUID(),
  code: "export const softmax = () => 1;",
  passed: false,
  testsPassed: 0,
  testsTotal: 1,
  results: [{ name: "sums to one", status: "fail", message: "expected 1", expected: "1", actual: "2", output: ["log line"] }],
  durationMs: 12,
});

const CASES: WriteCase[] = [
  { name: "sign-up", method: "POST", handler: () => routes.account.POST, as: () => learner, body: () => ({ name: "Nia", email: `nia-${randomUUID()}@example.test`, password: "violet-harbour-lantern-42" }), textFields: ["name", "email", "password"] },
  { name: "change a role", method: "PATCH", handler: () => routes.userRole.PATCH, params: () => ({ id: learner.id }), as: () => admin, body: () => ({ role: "LEARNER" }), textFields: [] },
  { name: "create a cohort", method: "POST", handler: () => routes.cohorts.POST, as: () => instructor, body: () => ({ name: "Spring", description: "Tuesdays", startsAt: "2026-03-01" }), textFields: ["name", "description"] },
  { name: "edit a cohort", method: "PATCH", handler: () => routes.cohort.PATCH, params: () => ({ id: cohortId }), as: () => instructor, body: () => ({ name: "Probe", description: "Now with notes" }), textFields: ["name", "description"] },
  { name: "join a cohort", method: "POST", handler: () => routes.join.POST, as: () => learner, body: () => ({ code: "NOSUCH22" }), textFields: ["code"] },
  { name: "add an instructor", method: "POST", handler: () => routes.instructors.POST, params: () => ({ id: cohortId }), as: () => instructor, body: () => ({ email: instructor.email }), textFields: ["email"] },
  { name: "rotate the join code", method: "POST", handler: () => routes.joinCode.POST, params: () => ({ id: cohortId }), as: () => instructor, body: () => ({}), textFields: [] },
  {
    name: "record an exercise run", method: "POST", handler: () => routes.attempts.POST, params: () => ({ id: "softmax" }), as: () => learner, body: run,
    textFields: ["code", "results.0.name", "results.0.message", "results.0.expected", "results.0.actual", "results.0.output.0"],
  },
  { name: "autosave a draft", method: "PUT", handler: () => routes.draft.PUT, params: () => ({ id: "softmax" }), as: () => learner, body: () => ({ code: "let x = 1;", updatedAt: Date.now() }), textFields: ["code"] },
  { name: "reveal a hint", method: "POST", handler: () => routes.hint.POST, params: () => ({ id: "softmax" }), as: () => learner, body: () => ({ number: 1 }), textFields: [] },
  { name: "delete the account", method: "DELETE", handler: () => routes.me.DELETE, as: () => learner, body: () => ({ confirmEmail: "someone-else@example.test" }), textFields: ["confirmEmail"] },
  { name: "switch track", method: "PUT", handler: () => routes.track.PUT, as: () => learner, body: () => ({ track: "BUILDER" }), textFields: [] },
  { name: "report lesson progress", method: "POST", handler: () => routes.lesson.POST, params: () => ({ slug: "what-is-ai" }), as: () => learner, body: () => ({ section: "intro", time: { visitId: "visit-abcdefgh", seconds: 30 } }), textFields: ["section", "time.visitId"] },
  {
    name: "grade a quiz", method: "POST", handler: () => routes.quiz.POST, params: () => ({ quizId: "foundations-quiz" }), as: () => learner,
    body: () => ({ answers: { "between-layers": "activation", "ai-definition": "x", "four-terms": { ai: "field" } }, seed: 1, clientAttemptId: `attempt-${randomUUID()}` }),
    textFields: ["answers.between-layers", "answers.ai-definition", "answers.four-terms.ai", "clientAttemptId"],
  },
  {
    name: "merge local progress", method: "POST", handler: () => routes.merge.POST, as: () => learner,
    body: () => ({ lessons: [{ slug: "what-is-ai", status: "in-progress", section: "intro", updatedAt: Date.now() }], drafts: [{ exerciseId: "softmax", code: "ok", updatedAt: Date.now() }] }),
    textFields: ["lessons.0.section"],
  },
];

function send(c: WriteCase, body: string, headers: Record<string, string> = { "content-type": "application/json" }) {
  session.user = c.as();
  const request = new Request("http://localhost/api/probe", { method: c.method, headers, body });
  return c.handler()(request, { params: Promise.resolve(c.params?.() ?? {}) });
}

/** The answer must be a 4xx whose `error` is a sentence, and never a 500. */
async function expectRefused(answer: Response, what: string): Promise<string> {
  const body = (await answer.json()) as { error?: unknown };
  expect({ what, status: answer.status >= 400 && answer.status < 500, error: typeof body.error }).toEqual({ what, status: true, error: "string" });
  expect((body.error as string).length).toBeGreaterThan(10);
  return body.error as string;
}

function withValue(body: Record<string, unknown>, fieldPath: string, value: string): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = fieldPath.split(".");
  let node = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys.at(-1)!] = typeof node[keys.at(-1)!] === "string" ? `${node[keys.at(-1)!]}${value}` : value;
  return copy;
}

const deep = (levels: number) => `{"a":${"[".repeat(levels)}1${"]".repeat(levels)}}`;

describe.each(CASES)("$method $name", (c) => {
  it("accepts its ordinary body (the table is right)", async () => {
    const answer = await send(c, JSON.stringify(c.body()));
    expect(answer.status).toBeLessThan(500);
  });

  it("refuses malformed JSON, a non-JSON body, 5 MB and deep nesting with a 4xx and a message", async () => {
    expect(await expectRefused(await send(c, '{"name": "x",'), "malformed")).toMatch(/not valid JSON/);
    expect(await expectRefused(await send(c, JSON.stringify(c.body()), { "content-type": "text/plain" }), "text/plain")).toMatch(/JSON/);
    const big = JSON.stringify({ ...c.body(), padding: "x".repeat(5 * 1024 * 1024) });
    expect(await expectRefused(await send(c, big), "5 MB")).toMatch(/too large/);
    expect(await expectRefused(await send(c, deep(MAX_JSON_DEPTH + 8)), "deep")).toMatch(/nested/);
  });

  const textCases = c.textFields.flatMap((field) => [[field, "NUL", NUL], [field, "lone surrogate", LONE]]);
  if (textCases.length === 0) return; // no text field: the generic cases above are all there is
  it.each(textCases)("refuses a %s with a %s in it", async (field, _kind, value) => {
    const error = await expectRefused(await send(c, JSON.stringify(withValue(c.body(), field, value))), `${field} ${_kind}`);
    expect(error).toMatch(/NUL|broken character|must be|must not|not a valid|valid email|do not match|no question|no option/i);
  });
});

describe("inside a merge batch, a bad item is rejected alone (with its reason) and the rest is stored", () => {
  it.each([["NUL", NUL], ["lone surrogate", LONE]])("%s in an exercise run's code, a test message, a draft and a quiz text answer", async (_kind, value) => {
    session.user = learner;
    const runId = randomUUID();
    const goodRun = { ...run(), exerciseId: "softmax" };
    const body = {
      exerciseRuns: [{ ...run(), clientRunId: runId, exerciseId: "softmax", code: `x${value}` }, { ...withValue(run(), "results.0.message", value), exerciseId: "softmax" }, goodRun],
      drafts: [{ exerciseId: "softmax", code: `draft${value}`, updatedAt: Date.now() }],
      quizAttempts: [{ quizId: "foundations-quiz", answers: { "between-layers": `act${value}` }, seed: 1, clientAttemptId: `merge-${randomUUID()}` }],
    };
    const answer = await routes.merge.POST(new Request("http://localhost/api/x", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
    expect(answer.status).toBe(200);
    const result = (await answer.json()) as Record<string, { merged: string[]; rejected: { key: string; reason: string }[] }>;
    expect(result.exerciseRuns.merged).toEqual([goodRun.clientRunId]);
    expect(result.exerciseRuns.rejected.map((r) => r.reason)).toEqual([expect.stringMatching(/code contains/), expect.stringMatching(/message contains/)]);
    expect(result.drafts.rejected).toEqual([{ key: "softmax", reason: expect.stringMatching(/code contains/) }]);
    expect(result.quizAttempts.rejected).toEqual([{ key: body.quizAttempts[0].clientAttemptId, reason: expect.stringMatching(/answer contains/) }]);
  });
});

describe("the search boxes (?q=) of the admin accounts list and the cohort matrix", () => {
  const search = async (name: "users" | "matrix", q: string, as: SessionUser) => {
    session.user = as;
    const url = new URL("http://localhost/api/x");
    url.searchParams.set("q", q);
    return routes[name].GET(new Request(url), { params: Promise.resolve({ id: cohortId }) });
  };

  it("answer a NUL with a 422 that says why, and still search for ordinary text (a lone surrogate arrives as U+FFFD)", async () => {
    expect(await expectRefused(await search("users", NUL, admin), "users NUL")).toMatch(/NUL/);
    expect(await expectRefused(await search("matrix", NUL, instructor), "matrix NUL")).toMatch(/NUL/);
    expect((await search("users", LONE, admin)).status).toBe(200);
    expect((await search("matrix", LONE, instructor)).status).toBe(200);
    const found = (await (await search("users", "Lena", admin)).json()) as { users: { id: string }[] };
    expect(found.users.map((u) => u.id)).toContain(learner.id);
  });
});

describe("dates and reading time", () => {
  const create = (startsAt: string, endsAt?: string) => send(CASES[2], JSON.stringify({ name: "Dated", startsAt, ...(endsAt ? { endsAt } : {}) }));

  it("a cohort starting or ending in year 0000 (or 9999) is a 422 naming the field", async () => {
    expect(await expectRefused(await create("0000-01-01"), "year 0")).toMatch(/startsAt must be between 2000-01-01 and 2100-12-31/);
    expect(await expectRefused(await create("2026-01-01", "9999-12-31"), "year 9999")).toMatch(/endsAt must be between/);
    expect((await create("2026-01-01", "2026-06-30")).status).toBe(201);
  });

  it("one report cannot carry more than 6 hours a visit, one merge not more than 100 hours", async () => {
    const lesson = CASES.find((c) => c.name === "report lesson progress")!;
    expect(await expectRefused(await send(lesson, JSON.stringify({ time: { visitId: "visit-huge-one", seconds: 2 ** 31 } })), "int")).toMatch(/at most 21600/);
    const lessons = Array.from({ length: 17 }, (_, i) => ({ slug: "what-is-ai", status: "in-progress", updatedAt: Date.now(), time: { visitId: `bulk-visit-${i}`, seconds: 6 * 3600 } }));
    expect(await expectRefused(await send(CASES.at(-1)!, JSON.stringify({ lessons })), "merge total")).toMatch(/more than 100 hours/);
  });

  it("a lesson's total reading time stops at 200 hours however many merges report visits", async () => {
    const reader = await account("Reader", "LEARNER");
    const merge = { ...CASES.at(-1)!, as: () => reader };
    for (let round = 0; round < 3; round++) {
      const lessons = Array.from({ length: 16 }, (_, i) => ({ slug: "what-is-ai", status: "in-progress", updatedAt: Date.now(), time: { visitId: `round-${round}-visit-${i}`, seconds: 6 * 3600 } }));
      expect((await send(merge, JSON.stringify({ lessons }))).status).toBe(200);
    }
    const row = await t.db.lessonProgress.findUnique({ where: { userId_lessonSlug: { userId: reader.id, lessonSlug: "what-is-ai" } } });
    expect(row?.timeSpentSeconds).toBe(200 * 3600);
  });
});
