/**
 * PUT /api/me/locale against a real database (only the session is a test double): the language
 * a signed-in user picks is stored on the account and read back with the profile.
 */
import { describe, expect, it, jest } from "@jest/globals";
import { randomBytes } from "node:crypto";
import { session, setUpRouteTest, type RouteTest } from "@/tests/support/route-test";
import type { SessionUser } from "@/lib/auth/session";

// Who is asking: the one thing replaced. The app's own requireUser / requirePermission run on top.
jest.mock("next-auth", () => jest.requireActual<RouteTest>("@/tests/support/route-test").nextAuthDouble);
jest.mock("@/lib/db/client", () => jest.requireActual<RouteTest>("@/tests/support/route-test").dbClientDouble);

const { t, routes } = setUpRouteTest(async () => ({ locale: await import("./route"), me: await import("../route") }), 3);

const put = (payload: unknown) =>
  routes.locale.PUT(new Request("http://localhost/api/me/locale", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(payload) }));

async function signIn(): Promise<SessionUser> {
  const user = await t.db.user.create({ data: { name: "Mei", email: `mei-${randomBytes(6).toString("hex")}@example.test` } });
  return (session.user = { id: user.id, name: user.name, email: user.email, role: "LEARNER" });
}

describe("PUT /api/me/locale", () => {
  it("stores the chosen language on the account, where the profile reports it", async () => {
    const user = await signIn();
    expect(((await (await routes.me.GET()).json()) as { user: { locale: string | null } }).user.locale).toBeNull();
    const response = await put({ locale: "zh" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ locale: "zh" });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("zh");
    expect(((await (await routes.me.GET()).json()) as { user: { locale: string } }).user.locale).toBe("zh");
  });

  it("refuses other languages and extra fields with a 422, and anonymous callers with a 401", async () => {
    await signIn();
    const french = await put({ locale: "fr" });
    expect(french.status).toBe(422);
    expect(((await french.json()) as { error: string }).error).toContain("locale must be one of en, zh");
    expect((await put({ locale: "en", admin: true })).status).toBe(422);
    session.user = null;
    expect((await put({ locale: "en" })).status).toBe(401);
  });
});
