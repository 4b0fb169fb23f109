/** Test helpers: accounts with a role, as the cohort functions see them. */
import type { PrismaClient } from "../../lib/db/create-client";
import type { Role } from "../../lib/auth/permissions";
import type { Actor } from "../../lib/cohorts/access";

let counter = 0;

export interface TestAccount extends Actor {
  name: string;
  email: string;
}

export async function createAccount(db: PrismaClient, role: Role, name = role.toLowerCase()): Promise<TestAccount> {
  counter += 1;
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${counter}-${Date.now()}@example.test`;
  const user = await db.user.create({ data: { name, email, role }, select: { id: true, name: true, email: true, role: true } });
  return user;
}
