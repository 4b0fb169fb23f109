/**
 * The demo world for local use: one learner, one instructor, one admin. Idempotent (upserts).
 * Refuses to run in production: these passwords are public (they are in the README).
 */
import type { PrismaClient } from "./create-client";
import { hashPassword } from "../auth/password";

export const DEMO_ACCOUNTS = [
  { email: "learner@example.com", password: "learner-demo-1", name: "Dana Learner", role: "LEARNER" },
  { email: "instructor@example.com", password: "instructor-demo-1", name: "Ivo Instructor", role: "INSTRUCTOR" },
  { email: "admin@example.com", password: "admin-demo-1", name: "Ada Admin", role: "ADMIN" },
] as const;

export async function seedDemoWorld(db: PrismaClient, nodeEnv: string | undefined): Promise<string[]> {
  if (nodeEnv === "production") {
    throw new Error("Refusing to seed demo accounts in production: their passwords are public.");
  }
  const lines: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const existing = await db.user.findUnique({ where: { email: account.email } });
    if (!existing) {
      await db.user.create({
        data: { email: account.email, name: account.name, role: account.role, passwordHash: await hashPassword(account.password) },
      });
    }
    lines.push(`${account.role.padEnd(10)} ${account.email.padEnd(24)} ${account.password}`);
  }
  return lines;
}
