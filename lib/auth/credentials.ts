/** Checking an email + password sign-in: rate limit first, then the password. Framework-free (tested directly). */
import { z } from "zod";
import type { PrismaClient } from "../db/create-client";
import { verifyPasswordOrDummy } from "./password";
import { accountKey, assertNotRateLimited, clearFailures, ipKey, recordFailure } from "./rate-limit";
import type { Role } from "./permissions";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address."),
  password: z.string().min(1, "Enter your password.").max(200),
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
  const keys = [accountKey(email), ipKey(ip)];
  await assertNotRateLimited(db, keys);
  const user = await db.user.findUnique({ where: { email } });
  const ok = await verifyPasswordOrDummy(password, user?.passwordHash);
  if (!user || !ok) {
    await recordFailure(db, keys);
    throw new InvalidCredentialsError();
  }
  await clearFailures(db, email);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
