/** Checking an email + password sign-in: rate limit first, then the password. Framework-free (tested directly). */
import { z } from "zod";
import { text } from "../validation/text";
import type { PrismaClient } from "../db/create-client";
import { checkPasswordOrDummy, hashPassword } from "./password";
import { attemptKeys, pruneFailures, recordFailedAttempt, reserveAttempt, withdrawAttempt } from "./rate-limit";
import type { Role } from "./permissions";

export const signInSchema = z.object({
  email: text("the email address").trim().toLowerCase().email("Enter a valid email address."),
  password: text("the password").min(1, "Enter your password.").max(200),
});

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export class InvalidCredentialsError extends Error {
  constructor() {
    super("That email and password do not match an account.");
    this.name = "InvalidCredentialsError";
  }
}

export async function checkCredentials(db: PrismaClient, input: unknown, ip: string): Promise<SignedInUser> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new InvalidCredentialsError();
  const { email, password } = parsed.data;
  // Recorded as a failure before the password is checked (atomic with the limit check).
  const keys = attemptKeys(email, ip);
  const reserved = await reserveAttempt(db, keys);
  const user = await db.user.findUnique({ where: { email } });
  const check = await checkPasswordOrDummy(password, user?.passwordHash);
  if (!user || !check.ok) {
    await recordFailedAttempt(db, keys);
    await pruneFailures(db);
    throw new InvalidCredentialsError();
  }
  await withdrawAttempt(db, reserved, email, ip);
  // An older (bcrypt) hash: the password is known right now, so store it as argon2id.
  if (check.needsRehash) await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
