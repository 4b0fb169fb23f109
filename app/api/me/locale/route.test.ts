/**
 * PUT /api/me/locale against a real database (only the session is a test double): the language
 * a signed-in user picks is stored on the account and read back with the profile.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from "@jest/globals";
import { randomBytes } from "node:crypto";
import { startTestDatabase, type TestDatabase } from "@/tests/support/test-db";
import type { SessionUser } from "@/lib/auth/session";

let mockUser: SessionUser | null = null;
let mockDb: unknown = null;
jest.mock("next-auth", () => ({ getServerSession: async () => (mockUser ? { user: mockUser } : null) }));
jest.mock("@/lib/db/client", () => ({ getDb: () => mockDb }));

let handlers: typeof import("./route");
let me: typeof import("../route");
let t: TestDatabase;

beforeAll(async () => {
  t = await startTestDatabase(3);
  mockDb = t.db;
  handlers = await import("./route");
  me = await import("../route");
}, 120_000);
afterAll(async () => t?.stop());
beforeEach(() => {
  mockUser = null;
});

const put = (payload: unknown) =>
  handlers.PUT(new Request("http://localhost/api/me/locale", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(payload) }));

async function signIn(): Promise<SessionUser> {
  const user = await t.db.user.create({ data: { name: "Mei", email: `mei-${randomBytes(6).toString("hex")}@example.test` } });
  return (mockUser = { id: user.id, name: user.name, email: user.email, role: "LEARNER" });
}

describe("PUT /api/me/locale", () => {
  it("stores the chosen language on the account, where the profile reports it", async () => {
    const user = await signIn();
    expect(((await (await me.GET()).json()) as { user: { locale: string | null } }).user.locale).toBeNull();
    const response = await put({ locale: "zh" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ locale: "zh" });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("zh");
    expect(((await (await me.GET()).json()) as { user: { locale: string } }).user.locale).toBe("zh");
  });

  it("refuses other languages and extra fields with a 422, and anonymous callers with a 401", async () => {
    await signIn();
    const french = await put({ locale: "fr" });
    expect(french.status).toBe(422);
    expect(((await french.json()) as { error: string }).error).toContain("locale must be one of en, zh");
    expect((await put({ locale: "en", admin: true })).status).toBe(422);
    mockUser = null;
    expect((await put({ locale: "en" })).status).toBe(401);
  });
});
