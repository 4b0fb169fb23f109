/**
 * Every cohort and admin API route, called as Next calls it, with only "who is asking" replaced by
 * a test double (the session), against a real database (PGlite locally, PostgreSQL in CI).
 *
 * For each route: the instructor who teaches the cohort gets the data; another instructor gets
 * 404 and a learner 403 (an anonymous visitor 401), and those answers carry an error message and
 * nothing else: no names, no emails, no codes, no scores.
 */
import { beforeAll, describe, expect, it, jest } from "@jest/globals";
import { session, setUpRouteTest, type RouteTest } from "@/tests/support/route-test";
import type { SessionUser } from "@/lib/auth/session";
import { addLearner, recordLessons, recordQuizzes, recordRuns } from "@/tests/support/cohort-analytics-fixture";
import { parseCsv } from "@/lib/analytics/csv";

// Who is asking: the one thing replaced. The app's own requireUser / requirePermission run on top.
jest.mock("next-auth", () => jest.requireActual<RouteTest>("@/tests/support/route-test").nextAuthDouble);
jest.mock("@/lib/db/client", () => jest.requireActual<RouteTest>("@/tests/support/route-test").dbClientDouble);
jest.mock("@/lib/course/course-index-server", () => {
  const { FIXTURE_OUTLINE: outline } = jest.requireActual<typeof import("@/tests/support/cohort-analytics-fixture")>("@/tests/support/cohort-analytics-fixture");
  return { ...jest.requireActual<object>("@/lib/course/course-index-server"), getCourseOutline: () => outline };
});

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Routes = Record<string, Record<string, Handler>>;
const { t, routes } = setUpRouteTest(
  async () =>
    ({
      cohorts: await import("./route"),
      join: await import("./join/route"),
      cohort: await import("./[id]/route"),
      joinCode: await import("./[id]/join-code/route"),
      instructors: await import("./[id]/instructors/route"),
      instructor: await import("./[id]/instructors/[userId]/route"),
      memberRoute: await import("./[id]/members/[userId]/route"),
      membership: await import("./[id]/membership/route"),
      overview: await import("./[id]/overview/route"),
      matrix: await import("./[id]/matrix/route"),
      analytics: await import("./[id]/analytics/route"),
      exportRoster: await import("./[id]/export/roster/route"),
      exportMatrix: await import("./[id]/export/matrix/route"),
      learnerRoute: await import("./[id]/learners/[userId]/route"),
      submission: await import("./[id]/learners/[userId]/exercises/[exerciseId]/route"),
      answers: await import("./[id]/learners/[userId]/quizzes/[quizId]/route"),
      users: await import("../admin/users/route"),
      userRole: await import("../admin/users/[id]/route"),
    }) as unknown as Routes,
);

let owner: SessionUser;
let coTeacher: SessionUser;
let otherInstructor: SessionUser;
let learner: SessionUser;
let admin: SessionUser;
let cohortId: string;
let joinCode: string;
let member: { id: string; name: string; email: string };
let otherCohortMember: { id: string };

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

async function account(name: string, role: SessionUser["role"]): Promise<SessionUser> {
  const u = await t.db.user.create({ data: { name, email: `${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now()}@example.test`, role } });
  return { id: u.id, name: u.name, email: u.email, role };
}

beforeAll(async () => {
  owner = await account("Owner Olga", "INSTRUCTOR");
  coTeacher = await account("Co Teacher", "INSTRUCTOR");
  otherInstructor = await account("Other Oscar", "INSTRUCTOR");
  learner = await account("Learner Lu", "LEARNER");
  admin = await account("Admin Ada", "ADMIN");

  as(owner);
  const created = await call("cohorts", "POST", {}, { name: "Route cohort", description: "Secret plans", startsAt: ago(20).toISOString().slice(0, 10) });
  expect(created.status).toBe(201);
  const body = (await created.json()) as { cohort: { id: string; joinCode: string } };
  cohortId = body.cohort.id;
  joinCode = body.cohort.joinCode;

  member = await addLearner(t.db, cohortId, "Zoë Ñúñez", { joinedAt: ago(15) });
  await recordLessons(t.db, member.id, [{ slug: "intro", status: "COMPLETE", startedAt: ago(3), completedAt: ago(2) }]);
  await recordRuns(t.db, member.id, [{ exerciseId: "ex-one", at: ago(2), passed: true, code: "export const secretSolution = 42;" }]);
  await recordQuizzes(t.db, member.id, [{ quizId: "quiz-one", at: ago(1), credits: { qa: 1, qb: 1, qc: 0 } }]);

  const other = await t.db.cohort.create({ data: { name: "Elsewhere", startsAt: ago(5), joinCode: "ELSEWHR2", createdById: otherInstructor.id, instructors: { create: { userId: otherInstructor.id } } } });
  otherCohortMember = await addLearner(t.db, other.id, "Not Yours");
  await recordRuns(t.db, otherCohortMember.id, [{ exerciseId: "ex-one", at: ago(1), passed: false, code: "export const otherCode = 1;" }]);
}, 180_000);

function as(user: SessionUser | null) {
  session.user = user;
}

async function call(name: string, method: string, params: Record<string, string> = {}, body?: unknown, query = ""): Promise<Response> {
  const handler = routes[name][method];
  if (!handler) throw new Error(`route ${name} has no ${method}`);
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { "content-type": "application/json" };
  }
  return handler(new Request(`http://localhost/api/x${query}`, init), { params: Promise.resolve(params) });
}

/** Every route that reads or changes THIS cohort, with what the owner may send. */
function cohortRoutes(): { name: string; method: string; params: Record<string, string>; body?: unknown }[] {
  const p = { id: cohortId };
  const l = { id: cohortId, userId: member.id };
  return [
    { name: "cohort", method: "GET", params: p },
    { name: "cohort", method: "PATCH", params: p, body: { description: "Changed" } },
    { name: "joinCode", method: "POST", params: p, body: {} },
    { name: "instructors", method: "POST", params: p, body: { email: coTeacher.email } },
    { name: "instructor", method: "DELETE", params: { id: cohortId, userId: coTeacher.id } },
    { name: "overview", method: "GET", params: p },
    { name: "matrix", method: "GET", params: p },
    { name: "analytics", method: "GET", params: p },
    { name: "exportRoster", method: "GET", params: p },
    { name: "exportMatrix", method: "GET", params: p },
    { name: "learnerRoute", method: "GET", params: l },
    { name: "submission", method: "GET", params: { ...l, exerciseId: "ex-one" } },
    { name: "answers", method: "GET", params: { ...l, quizId: "quiz-one" } },
    { name: "memberRoute", method: "DELETE", params: l },
  ];
}

/** Strings that must never appear in a refused answer. */
const secrets = () => [member.name, member.email, "Secret plans", "secretSolution", "Route cohort", joinCode];

async function expectRefused(response: Response, status: number) {
  expect(response.status).toBe(status);
  const text = await response.text();
  for (const secret of secrets()) expect(text).not.toContain(secret);
  // The message, and the message code the pages word per locale: nothing else.
  const { error, code, ...rest } = JSON.parse(text) as { error: string; code?: string };
  expect(typeof error).toBe("string");
  if (code !== undefined) expect(code).toMatch(/^[a-zA-Z]+$/);
  expect(rest).toEqual({});
}

describe("who may call the cohort routes", () => {
  it("anonymous visitors get 401 everywhere", async () => {
    as(null);
    for (const r of cohortRoutes()) await expectRefused(await call(r.name, r.method, r.params, r.body), 401);
    await expectRefused(await call("cohorts", "GET"), 401);
    await expectRefused(await call("join", "POST", {}, { code: joinCode }), 401);
  });

  it("a learner gets 403 from every instructor route, even for a cohort they belong to", async () => {
    await t.db.cohortMembership.create({ data: { cohortId, userId: learner.id } });
    as(learner);
    for (const r of cohortRoutes()) await expectRefused(await call(r.name, r.method, r.params, r.body), 403);
    await expectRefused(await call("cohorts", "POST", {}, { name: "Mine", startsAt: "2026-01-01" }), 403);
    // Their own view: only their cohorts' names and instructors.
    const mine = (await (await call("cohorts", "GET")).json()) as Record<string, unknown>;
    expect(Object.keys(mine)).toEqual(["member"]);
    expect(JSON.stringify(mine)).not.toContain(member.email);
    expect(JSON.stringify(mine)).not.toContain(joinCode);
    await t.db.cohortMembership.delete({ where: { cohortId_userId: { cohortId, userId: learner.id } } });
  });

  it("another instructor gets 404 from every route of a cohort they do not teach, and changes nothing", async () => {
    as(otherInstructor);
    for (const r of cohortRoutes()) await expectRefused(await call(r.name, r.method, r.params, r.body), 404);
    const list = (await (await call("cohorts", "GET")).json()) as { teaching: { id: string }[] };
    expect(list.teaching.map((c) => c.id)).not.toContain(cohortId);
    const cohort = await t.db.cohort.findUniqueOrThrow({ where: { id: cohortId } });
    expect(cohort).toMatchObject({ description: "Secret plans", joinCode });
    expect(await t.db.cohortMembership.count({ where: { cohortId } })).toBe(1);
  });

  it("the cohort's instructor cannot reach a learner of another cohort through their own cohort's id", async () => {
    as(owner);
    const l = { id: cohortId, userId: otherCohortMember.id };
    await expectRefused(await call("learnerRoute", "GET", l), 404);
    const code = await call("submission", "GET", { ...l, exerciseId: "ex-one" });
    expect(code.status).toBe(404);
    expect(await code.text()).not.toContain("otherCode");
    await expectRefused(await call("answers", "GET", { ...l, quizId: "quiz-one" }), 404);
    await expectRefused(await call("memberRoute", "DELETE", l), 404);
  });

  it("malformed ids are a plain 404", async () => {
    as(owner);
    await expectRefused(await call("cohort", "GET", { id: "../../etc/passwd" }), 404);
    await expectRefused(await call("submission", "GET", { id: cohortId, userId: member.id, exerciseId: "x".repeat(80) }), 404);
  });
});

describe("what the instructor gets", () => {
  it("the overview, matrix, analytics and drill-down carry the learner's data", async () => {
    as(owner);
    const overview = (await (await call("overview", "GET", { id: cohortId })).json()) as { roster: { name: string; completion: { percent: number } }[] };
    expect(overview.roster.map((r) => r.name)).toEqual(["Zoë Ñúñez"]);
    const matrix = (await (await call("matrix", "GET", { id: cohortId }, undefined, "?page=1&pageSize=10&q=zo")).json()) as {
      total: number;
      rows: { cells: { text: string }[] }[];
    };
    expect(matrix.total).toBe(1);
    expect(matrix.rows[0].cells.map((c) => c.text)).toEqual(["complete", "not started", "1 attempt, passed", "not attempted", "not started", "2/3"]);
    const analytics = (await (await call("analytics", "GET", { id: cohortId })).json()) as { exercises: { id: string; passed: number }[]; quizzes: { learners: number }[] };
    expect(analytics.exercises[0]).toMatchObject({ id: "ex-one", passed: 1 });
    expect(analytics.quizzes[0].learners).toBe(1);
    const submission = (await (await call("submission", "GET", { id: cohortId, userId: member.id, exerciseId: "ex-one" })).json()) as { submission: { code: string } };
    expect(submission.submission.code).toBe("export const secretSolution = 42;");
    const answers = (await (await call("answers", "GET", { id: cohortId, userId: member.id, quizId: "quiz-one" })).json()) as { attempts: unknown[] };
    expect(answers.attempts).toHaveLength(1);
  });

  it("the CSV downloads are UTF-8 with BOM, with the learner's row", async () => {
    as(owner);
    const response = await call("exportRoster", "GET", { id: cohortId });
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="route-cohort-roster-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString("utf8"));
    expect(rows[1].slice(0, 3)).toEqual(["Zoë Ñúñez", member.email, "builder"]);
    const matrix = parseCsv(await (await call("exportMatrix", "GET", { id: cohortId })).text());
    expect(matrix[0].slice(0, 4)).toEqual(["Name", "Email", "Lesson: Intro", "Lesson: Build it"]);
    expect(matrix[1].slice(0, 3)).toEqual(["Zoë Ñúñez", member.email, "complete"]);
  });

  it("a co-instructor added by email gets the same access; writes need JSON", async () => {
    as(owner);
    expect((await call("instructors", "POST", { id: cohortId }, { email: coTeacher.email })).status).toBe(200);
    as(coTeacher);
    expect((await call("overview", "GET", { id: cohortId })).status).toBe(200);
    const form = await routes.cohort.PATCH(
      new Request("http://localhost/api/x", { method: "PATCH", body: "joinOpen=false", headers: { "content-type": "application/x-www-form-urlencoded" } }),
      { params: Promise.resolve({ id: cohortId }) },
    );
    expect(form.status).toBe(415);
    const bad = await call("cohort", "PATCH", { id: cohortId }, { endsAt: "soon" });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: string }).error).toMatch(/endsAt must be a date/);
  });

  it("an admin may read any cohort's dashboard but not change it", async () => {
    as(admin);
    expect((await call("overview", "GET", { id: cohortId })).status).toBe(200);
    expect((await call("submission", "GET", { id: cohortId, userId: member.id, exerciseId: "ex-one" })).status).toBe(200);
    await expectRefused(await call("cohort", "PATCH", { id: cohortId }, { joinOpen: false }), 404);
    await expectRefused(await call("memberRoute", "DELETE", { id: cohortId, userId: member.id }), 404);
  });
});

describe("joining and leaving through the routes", () => {
  it("a learner joins with the code, sees the cohort's name, and leaves", async () => {
    as(learner);
    const joined = await call("join", "POST", {}, { code: joinCode.toLowerCase() });
    expect(joined.status).toBe(201);
    expect(await joined.json()).toEqual({ cohort: { id: cohortId, name: "Route cohort" }, joined: true });
    expect((await call("join", "POST", {}, { code: joinCode })).status).toBe(200);
    const mine = (await (await call("cohorts", "GET")).json()) as { member: { name: string }[] };
    expect(mine.member.map((c) => c.name)).toEqual(["Route cohort"]);
    expect((await call("membership", "DELETE", { id: cohortId })).status).toBe(200);
    await expectRefused(await call("membership", "DELETE", { id: cohortId }), 404);
    const wrong = await call("join", "POST", {}, { code: "WRNG-C0DE" });
    expect(wrong.status).toBe(404);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/does not match any cohort/);
  });
});

describe("admin routes", () => {
  it("only admins list accounts and change roles", async () => {
    for (const who of [owner, learner]) {
      as(who);
      await expectRefused(await call("users", "GET"), 403);
      await expectRefused(await call("userRole", "PATCH", { id: learner.id }, { role: "ADMIN" }), 403);
    }
    as(admin);
    const list = (await (await call("users", "GET", {}, undefined, "?q=learner%20lu")).json()) as { users: { id: string }[] };
    expect(list.users.map((u) => u.id)).toEqual([learner.id]);
    const promoted = await call("userRole", "PATCH", { id: learner.id }, { role: "INSTRUCTOR" });
    expect(((await promoted.json()) as { user: { role: string } }).user.role).toBe("INSTRUCTOR");
    await t.db.user.update({ where: { id: learner.id }, data: { role: "LEARNER" } });
  });

  it("the last admin cannot demote themselves", async () => {
    as(admin);
    const refused = await call("userRole", "PATCH", { id: admin.id }, { role: "LEARNER" });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toMatch(/only admin/);
  });
});
