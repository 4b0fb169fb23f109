/** Role management against a real database: only admins, and never zero admins. */
import { describe, expect, it } from "@jest/globals";
import { setUpTestDatabase } from "@/tests/support/test-db";
import { HttpError } from "../http/errors";
import { listUsers, setUserRole, LAST_ADMIN_SELF } from "./roles";
import { createAccount } from "../../tests/support/cohort-fixtures";

const t = setUpTestDatabase();

const status = (p: Promise<unknown>) => p.then(() => "ok" as const, (e: HttpError) => e.status ?? (e as Error).name);

describe("roles", () => {
  it("only an admin lists accounts or changes roles", async () => {
    const instructor = await createAccount(t.db, "INSTRUCTOR");
    const learner = await createAccount(t.db, "LEARNER");
    expect(await status(listUsers(t.db, instructor))).toBe(403);
    expect(await status(setUserRole(t.db, instructor, learner.id, { role: "INSTRUCTOR" }))).toBe(403);
    expect(await status(setUserRole(t.db, learner, learner.id, { role: "ADMIN" }))).toBe(403);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: learner.id } })).role).toBe("LEARNER");
  });

  it("an admin makes a learner an instructor, finds accounts by name or email, and rejects unknown roles", async () => {
    const admin = await createAccount(t.db, "ADMIN", "Root Admin");
    const zoe = await createAccount(t.db, "LEARNER", "Zoë Ñúñez");
    expect(await setUserRole(t.db, admin, zoe.id, { role: "INSTRUCTOR" })).toMatchObject({ id: zoe.id, role: "INSTRUCTOR" });
    const found = await listUsers(t.db, admin, { query: "ñúñez" });
    expect(found.users.map((u) => u.id)).toEqual([zoe.id]);
    expect((await listUsers(t.db, admin, { query: zoe.email.toUpperCase() })).total).toBe(1);
    await expect(setUserRole(t.db, admin, zoe.id, { role: "OWNER" })).rejects.toThrow(/role must be one of LEARNER, INSTRUCTOR, ADMIN/);
    expect(await status(setUserRole(t.db, admin, "no-such-user", { role: "LEARNER" }))).toBe(404);
    // Clean up: this test's admin must not count in the next test.
    await t.db.user.delete({ where: { id: admin.id } });
  });

  it("the last admin cannot give up the admin role; with two admins one can, and two at once cannot both", async () => {
    await t.db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "LEARNER" } });
    const first = await createAccount(t.db, "ADMIN", "First");
    await expect(setUserRole(t.db, first, first.id, { role: "INSTRUCTOR" })).rejects.toThrow(LAST_ADMIN_SELF);
    expect(await status(setUserRole(t.db, first, first.id, { role: "LEARNER" }))).toBe(409);

    const second = await createAccount(t.db, "ADMIN", "Second");
    // Each demotes the other at the same moment: exactly one change goes through, and the other
    // admin, no longer an admin when their turn comes, is refused.
    const results = await Promise.all([
      status(setUserRole(t.db, first, second.id, { role: "LEARNER" })),
      status(setUserRole(t.db, second, first.id, { role: "LEARNER" })),
    ]);
    expect(results.sort()).toEqual([403, "ok"]);
    expect(await t.db.user.count({ where: { role: "ADMIN" } })).toBe(1);
  });
});
