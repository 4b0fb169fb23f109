/**
 * The owner's account commands, on both databases: the first admin of an empty production site is
 * created from the command line (password from standard input), roles change by email, and the
 * site is never left without an admin.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { setUpTestDatabase } from "@/tests/support/test-db";
import { verifyPassword } from "../auth/password";
import { changeRole, createAccount, parseRole } from "./owner";

const ROOT = path.resolve(__dirname, "..", "..");
const t = setUpTestDatabase();

/** Runs `npm run user -- ...` as an owner would, with `stdin` piped in. */
function userCommand(args: string[], stdin: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile("npx", ["tsx", "scripts/user.ts", ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: t.url, NODE_ENV: "production" } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(stdin);
  });
}

describe("npm run user", () => {
  it("creates the first admin with the password read from standard input, hashed", async () => {
    const result = await userCommand(["create", "--email", "Owner@Example.org", "--role", "admin", "--name", "Site Owner"], "tidal fern orbit passphrase\n");
    expect(result).toMatchObject({ code: 0, stdout: "Created: owner@example.org is now admin.\n" });
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "owner@example.org" } });
    expect(user).toMatchObject({ name: "Site Owner", role: "ADMIN" });
    expect(user.passwordHash).not.toContain("tidal fern orbit passphrase");
    expect(await verifyPassword("tidal fern orbit passphrase", user.passwordHash!)).toBe(true);
  }, 60_000);

  it("promotes an existing account to instructor by email", async () => {
    await t.db.user.create({ data: { email: "ivo@example.org", name: "Ivo" } });
    const result = await userCommand(["role", "--email", "IVO@example.org", "--role", "instructor"], "");
    expect(result).toMatchObject({ code: 0, stdout: "Updated: ivo@example.org is now instructor.\n" });
    expect((await t.db.user.findUniqueOrThrow({ where: { email: "ivo@example.org" } })).role).toBe("INSTRUCTOR");
  }, 60_000);

  it("sets a new password (the policy applies) and ends the account's sessions", async () => {
    const before = await t.db.user.create({ data: { email: "lea@example.org", name: "Lea", passwordHash: "x" } });
    expect(await userCommand(["password", "--email", "lea@example.org"], "password123456\n")).toMatchObject({ code: 1, stderr: expect.stringContaining("most commonly used") });
    const result = await userCommand(["password", "--email", "Lea@example.org"], "harbour lamp violet 12\n");
    expect(result).toMatchObject({ code: 0, stdout: "Updated: lea@example.org has a new password and is signed out everywhere.\n" });
    const after = await t.db.user.findUniqueOrThrow({ where: { email: "lea@example.org" } });
    expect(await verifyPassword("harbour lamp violet 12", after.passwordHash!)).toBe(true);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
  }, 60_000);

  it("explains what is wrong and changes nothing: unknown role, short password, taken email, unknown account", async () => {
    const refused: [args: string[], password: string, message: string][] = [
      [["create", "--email", "x@example.org", "--role", "boss"], "whatever password", '--role must be one of learner, instructor, admin, not "boss".'],
      [["create", "--email", "x@example.org", "--role", "admin"], "short", "Use at least"],
      [["create", "--email", "owner@example.org", "--role", "admin"], "quartz-lagoon-heron-3", "An account with the email owner@example.org already exists"],
      [["role", "--email", "nobody@example.org", "--role", "admin"], "", "There is no account with the email nobody@example.org"],
    ];
    for (const [args, password, message] of refused) {
      expect(await userCommand(args, password)).toMatchObject({ code: 1, stderr: expect.stringContaining(message) });
    }
    expect(await t.db.user.findUnique({ where: { email: "x@example.org" } })).toBeNull();
  }, 120_000);
});

describe("owner rules", () => {
  it("never demotes the last admin, and does once there is another", async () => {
    const db = t.db;
    const admins = await db.user.findMany({ where: { role: "ADMIN" } });
    expect(admins.map((a) => a.email)).toEqual(["owner@example.org"]);
    await expect(changeRole(db, "owner@example.org", "LEARNER")).rejects.toThrow("owner@example.org is the only admin. Make another account an admin first.");
    await createAccount(db, { email: "second@example.org", password: "copper kite meadow 9", role: parseRole("admin") });
    await expect(changeRole(db, "owner@example.org", "INSTRUCTOR")).resolves.toMatchObject({ role: "INSTRUCTOR" });
  });
});
