/**
 * The capstone routes, called as Next calls them, against a real database (only the session is a
 * test double): a finished run's summary is recorded once per run, bad input is a 422 that says
 * what is wrong, the pieces route answers with the learner's own latest passing code only, and
 * the instructor's roster shows capstone completion.
 */
import { beforeAll, describe, expect, it, jest } from "@jest/globals";
import { session, setUpRouteTest, type RouteTest } from "@/tests/support/route-test";
import type { SessionUser } from "@/lib/auth/session";
import { addLearner, FIXTURE_OUTLINE, recordRuns } from "@/tests/support/cohort-analytics-fixture";
import { getRoster } from "@/lib/analytics/roster";
import { createAccount } from "@/tests/support/cohort-fixtures";
import { DEFAULT_SETTINGS } from "@/lib/capstone/settings";

// Who is asking: the one thing replaced. The app's own requireUser / requirePermission run on top.
jest.mock("next-auth", () => jest.requireActual<RouteTest>("@/tests/support/route-test").nextAuthDouble);
jest.mock("@/lib/db/client", () => jest.requireActual<RouteTest>("@/tests/support/route-test").dbClientDouble);

const { t, routes } = setUpRouteTest(async () => ({ runs: await import("./runs/route"), pieces: await import("./pieces/route") }));
let cohortId: string;

beforeAll(async () => {
  const instructor = await createAccount(t.db, "INSTRUCTOR", "Ina");
  cohortId = (await t.db.cohort.create({ data: { name: "Capstone cohort", startsAt: new Date(), joinCode: `CAP${Date.now()}`, createdById: instructor.id } })).id;
});

const summary = (overrides: Record<string, unknown> = {}) => ({
  runId: `run-${Math.random().toString(36).slice(2)}`,
  pieces: ["softmax", "layer-norm"],
  finalTrainLoss: 1.71,
  finalValidationLoss: 1.94,
  steps: 1500,
  backend: "wasm",
  settings: DEFAULT_SETTINGS,
  ...overrides,
});
const post = (payload: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
  routes.runs.POST(new Request("http://localhost/api/capstone/runs", { method: "POST", headers, body: typeof payload === "string" ? payload : JSON.stringify(payload) }));
const read = async (response: Response) => (await response.json()) as Record<string, unknown>;

async function learner(name: string): Promise<SessionUser> {
  const user = await addLearner(t.db, cohortId, name);
  return { id: user.id, name: user.name, email: user.email, role: "LEARNER" };
}

describe("POST /api/capstone/runs", () => {
  it("asks an anonymous visitor to sign in and stores nothing", async () => {
    const response = await post(summary());
    expect(response.status).toBe(401);
    expect(await t.db.capstoneRun.count()).toBe(0);
  });

  it("records a run once, with the server's time, and answers a repeat with 200", async () => {
    session.user = await learner("Ada");
    const body = summary();
    const before = Date.now();
    const first = await post(body);
    expect(first.status).toBe(201);
    expect(await read(first)).toMatchObject({ recorded: true });
    const again = await post({ ...body, finalValidationLoss: 0.5 });
    expect(again.status).toBe(200);
    expect(await read(again)).toMatchObject({ recorded: false });
    const rows = await t.db.capstoneRun.findMany({ where: { userId: session.user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ runId: body.runId, pieces: ["softmax", "layer-norm"], finalValidationLoss: 1.94, steps: 1500, backend: "wasm" });
    expect(rows[0].createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it.each([
    [{ pieces: ["softmax", "not-a-piece"] }, /pieces must be among/],
    [{ pieces: ["softmax", "softmax"] }, /pieces must not repeat/],
    [{ finalValidationLoss: -1 }, /finalValidationLoss cannot be negative/],
    [{ finalTrainLoss: "low" }, /finalTrainLoss must be a number/],
    [{ steps: 0 }, /steps must be at least 1/],
    [{ backend: "tpu" }, /backend must be webgpu, webgl, wasm or cpu/],
    [{ runId: "has spaces" }, /runId must be 1-64 letters/],
    [{ settings: { ...DEFAULT_SETTINGS, heads: 3 } }, /Width must be divisible by the number of heads/],
    [{ settings: { ...DEFAULT_SETTINGS, layers: 40 } }, /Layers must be at most 4/],
  ])("refuses %j with a 422 that says why", async (overrides, message) => {
    session.user = await learner("Bad");
    const response = await post(summary(overrides));
    expect(response.status).toBe(422);
    expect(String((await read(response)).error)).toMatch(message);
    expect(await t.db.capstoneRun.count({ where: { userId: session.user.id } })).toBe(0);
  });

  it("refuses a body that is not JSON", async () => {
    session.user = await learner("Form");
    expect((await post("runId=x", { "content-type": "application/x-www-form-urlencoded" })).status).toBe(415);
    expect((await post("{not json")).status).toBe(400);
  });
});

describe("GET /api/capstone/pieces", () => {
  it("answers with the learner's own latest passing code per piece, never another learner's", async () => {
    const me = await learner("Grace");
    const other = await learner("Other");
    await recordRuns(t.db, me.id, [
      { exerciseId: "softmax", at: new Date("2026-11-01T10:00:00Z"), passed: true, code: "// old softmax" },
      { exerciseId: "softmax", at: new Date("2026-11-02T10:00:00Z"), passed: true, code: "// new softmax" },
      { exerciseId: "softmax", at: new Date("2026-11-03T10:00:00Z"), passed: false, code: "// broken softmax" },
      { exerciseId: "layer-norm", at: new Date("2026-11-02T10:00:00Z"), passed: false, code: "// failing layer norm" },
      { exerciseId: "bpe-tokenizer", at: new Date("2026-11-02T10:00:00Z"), passed: true, code: "// not a piece" },
    ]);
    await recordRuns(t.db, other.id, [{ exerciseId: "gpt-block", at: new Date(), passed: true, code: "// someone else's block" }]);
    session.user = me;
    const response = await routes.pieces.GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = (await read(response)) as { pieces: Record<string, { code: string }> };
    expect(Object.keys(body.pieces)).toEqual(["softmax"]);
    expect(body.pieces.softmax.code).toBe("// new softmax");
  });

  it("asks an anonymous visitor to sign in", async () => {
    expect((await routes.pieces.GET()).status).toBe(401);
  });
});

describe("the cohort roster", () => {
  it("shows who has trained a capstone model: runs, best validation loss, most own pieces", async () => {
    session.user = await learner("Linus");
    await post(summary({ finalValidationLoss: 2.1, pieces: ["softmax"] }));
    await post(summary({ finalValidationLoss: 1.8, pieces: ["softmax", "layer-norm", "gpt-block"] }));
    const roster = await getRoster(t.db, cohortId, FIXTURE_OUTLINE);
    const linus = roster.find((r) => r.id === session.user!.id)!;
    expect(linus.capstone).toMatchObject({ runs: 2, bestValidationLoss: 1.8, mostPiecesYours: 3 });
    expect(roster.find((r) => r.name === "Other")!.capstone).toBeNull();
  });
});
