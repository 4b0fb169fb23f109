/**
 * Ending sessions, through next-auth's own callbacks as the app configures them (lib/auth/options.ts),
 * against a real database: after sign-out, or a role change, the token a browser holds (or a copy
 * of it) no longer yields a signed-in user.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import type { JWT } from "next-auth/jwt";
import type { Session, User } from "next-auth";
import { startTestDatabase, type TestDatabase } from "../../tests/support/test-db";

let mockDb: unknown = null;
jest.mock("@/lib/db/client", () => ({ getDb: () => mockDb }));

let t: TestDatabase;
let options: import("next-auth").NextAuthOptions;
beforeAll(async () => {
  t = await startTestDatabase();
  mockDb = t.db;
  options = (await import("./options")).authOptions();
}, 120_000);
afterAll(async () => t?.stop());

type JwtArgs = Parameters<NonNullable<NonNullable<typeof options.callbacks>["jwt"]>>[0];
const jwt = (token: JWT, user?: User) => options.callbacks!.jwt!({ token, user, account: null } as unknown as JwtArgs);
const sessionUser = async (token: JWT) =>
  ((await options.callbacks!.session!({ session: { expires: "" } as Session, token } as never)) as Session).user;
const signIn = async (id: string) => jwt({}, { id } as User);

describe("sessions end when they should", () => {
  it("a signed-in token answers until sign-out; after it, the same token (and any copy) is signed out", async () => {
    const user = await t.db.user.create({ data: { name: "Sam", email: "sam@example.test" } });
    const token = await signIn(user.id);
    expect(await sessionUser(await jwt({ ...token }))).toMatchObject({ id: user.id, role: "LEARNER" });
    const copy = { ...token };

    await options.events!.signOut!({ token, session: {} as Session });

    expect(await jwt({ ...copy })).toEqual({ expired: true });
    expect(await sessionUser(await jwt({ ...copy }))).toBeUndefined();
    // Signing in again gives a working session.
    const again = await signIn(user.id);
    expect(await sessionUser(await jwt({ ...again }))).toMatchObject({ id: user.id });
  });

  it("a role change ends the account's sessions; an unchanged role does not", async () => {
    const { setUserRole } = await import("../cohorts/roles");
    const admin = await t.db.user.create({ data: { name: "Ada", email: "ada@example.test", role: "ADMIN" } });
    const user = await t.db.user.create({ data: { name: "Ivo", email: "ivo@example.test" } });
    const actor = { id: admin.id, role: "ADMIN" as const };
    const token = await signIn(user.id);
    await setUserRole(t.db, actor, user.id, { role: "LEARNER" });
    expect(await sessionUser(await jwt({ ...token }))).toMatchObject({ role: "LEARNER" });
    await setUserRole(t.db, actor, user.id, { role: "INSTRUCTOR" });
    expect(await jwt({ ...token })).toEqual({ expired: true });
    expect(await sessionUser(await jwt({ ...(await signIn(user.id)) }))).toMatchObject({ role: "INSTRUCTOR" });
  });

  it("tokens from before session versions count as version 0", async () => {
    const user = await t.db.user.create({ data: { name: "Old", email: "old@example.test" } });
    expect(await sessionUser(await jwt({ sub: user.id }))).toMatchObject({ id: user.id });
  });
});
