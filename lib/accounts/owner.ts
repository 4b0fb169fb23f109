/**
 * Account chores for the site's owner, run from the command line (scripts/user.ts): create the
 * first admin of a production site, and change anyone's role. There is no actor: whoever can run
 * commands on the server owns the site. The same rules as the web hold: the sign-up validation,
 * and never leaving the site without an admin. Framework-free.
 */
import { z } from "zod";
import type { Role } from "../generated/prisma/client";
import type { PrismaClient } from "../db/create-client";
import { hashPassword } from "../auth/password";
import { passwordProblem } from "../auth/password-policy";
import { signUpSchema } from "./sign-up";

export const ROLE_NAMES: Record<string, Role> = { learner: "LEARNER", instructor: "INSTRUCTOR", admin: "ADMIN" };

export function parseRole(name: string | undefined): Role {
  const role = name ? ROLE_NAMES[name.toLowerCase()] : undefined;
  if (!role) throw new Error(`--role must be one of ${Object.keys(ROLE_NAMES).join(", ")}${name ? `, not "${name}"` : ""}.`);
  return role;
}

/** Turns a zod error into one readable line per problem. */
const describe = (error: z.ZodError) => error.issues.map((i) => i.message).join(" ");

export async function createAccount(db: PrismaClient, input: { email: string; name?: string; password: string; role: Role }) {
  const parsed = signUpSchema.safeParse({ name: input.name ?? input.email.split("@")[0], email: input.email, password: input.password });
  if (!parsed.success) throw new Error(describe(parsed.error));
  const { email, name, password } = parsed.data;
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new Error(`An account with the email ${email} already exists. Change its role with: npm run user -- role --email ${email} --role ...`);
  }
  return db.user.create({ data: { email, name, role: input.role, passwordHash: await hashPassword(password) }, select: { id: true, email: true, role: true } });
}

/**
 * Sets a new password (there is no e-mail reset: the owner does it) and ends the account's
 * sessions, so whoever held the old password is signed out everywhere.
 */
export async function setPassword(db: PrismaClient, emailInput: string, password: string) {
  const email = emailInput.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true } });
  if (!user) throw new Error(`There is no account with the email ${email}.`);
  const problem = passwordProblem(password, { email, name: user.name });
  if (problem) throw new Error(problem);
  return db.user.update({
    where: { id: user.id },
    data: { passwordHash: await hashPassword(password), sessionVersion: { increment: 1 } },
    select: { id: true, email: true, role: true },
  });
}

export async function changeRole(db: PrismaClient, emailInput: string, role: Role) {
  const email = emailInput.trim().toLowerCase();
  return db.$transaction(async (tx) => {
    // Lock the admins: two concurrent demotions must not both pass the last-admin check.
    const admins = await tx.$queryRaw<{ email: string }[]>`SELECT email FROM "User" WHERE role = 'ADMIN' ORDER BY id FOR UPDATE`;
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, role: true } });
    if (!user) throw new Error(`There is no account with the email ${email}. Create one with: npm run user -- create --email ${email} --role ...`);
    if (user.role === "ADMIN" && role !== "ADMIN" && admins.length <= 1) {
      throw new Error(`${email} is the only admin. Make another account an admin first.`);
    }
    return tx.user.update({ where: { id: user.id }, data: { role, ...(user.role !== role ? { sessionVersion: { increment: 1 } } : {}) }, select: { id: true, email: true, role: true } });
  });
}
