/**
 * Role management for admins (`update:role:any`): find accounts, make someone a learner,
 * instructor or admin. The platform never runs out of admins: a change that would leave no
 * admin is refused, and two admins demoting each other at the same moment cannot both succeed
 * (the admin rows are locked while the change is checked and made).
 *
 * Demoting an instructor keeps their cohorts untouched: they lose access because their role no
 * longer has the cohort permissions, and regain it if made an instructor again.
 * Lives with the cohort code because instructors are what roles are mostly for. Framework-free.
 */
import { searchText } from "../validation/text";
import type { PrismaClient } from "../db/create-client";
import type { Role } from "../auth/permissions";
import { forbidden, HttpError, notFound } from "../http/errors";
import { requireCan, type Actor } from "./access";
import { roleSchema } from "./schemas";

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  createdAt: Date;
}

export const LAST_ADMIN_SELF =
  "You are the only admin. Make another account an admin first, then you can give up your own admin role.";
export const LAST_ADMIN_OTHER = "This is the only admin account: make another account an admin first.";

export async function listUsers(
  db: PrismaClient,
  actor: Actor,
  options: { query?: string; role?: Role; take?: number } = {},
): Promise<{ users: UserRow[]; total: number }> {
  requireCan(actor, "update:role:any");
  const query = searchText(options.query);
  const where = {
    ...(query
      ? { OR: [{ name: { contains: query, mode: "insensitive" as const } }, { email: { contains: query, mode: "insensitive" as const } }] }
      : {}),
    ...(options.role ? { role: options.role } : {}),
  };
  const take = Math.min(Math.max(options.take ?? 50, 1), 200);
  const [users, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ role: "desc" }, { name: "asc" }, { id: "asc" }],
      take,
      select: { id: true, name: true, email: true, role: true, createdAt: true },
    }),
    db.user.count({ where }),
  ]);
  return { users, total };
}

export async function setUserRole(db: PrismaClient, actor: Actor, userId: string, input: unknown): Promise<UserRow> {
  requireCan(actor, "update:role:any");
  const { role } = roleSchema.parse(input);
  return db.$transaction(async (tx) => {
    // Lock every admin row (and the target's): concurrent role changes queue here.
    const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE role = 'ADMIN' ORDER BY id FOR UPDATE`;
    // The actor's role is from their session: make sure they are still an admin now.
    if (!admins.some((a) => a.id === actor.id)) throw forbidden();
    const target = await tx.$queryRaw<{ id: string; role: Role }[]>`SELECT id, role::text AS role FROM "User" WHERE id = ${userId} FOR UPDATE`;
    if (target.length === 0) throw notFound("There is no such account.", { code: "noSuchAccount" });
    const current = target[0].role;
    if (current === "ADMIN" && role !== "ADMIN" && admins.length <= 1) {
      throw new HttpError(409, userId === actor.id ? LAST_ADMIN_SELF : LAST_ADMIN_OTHER, { code: userId === actor.id ? "lastAdminSelf" : "lastAdminOther" });
    }
    return tx.user.update({
      where: { id: userId },
      // A new role ends the account's sessions (decision 022): it signs in again under the new role.
      data: { role, ...(current !== role ? { sessionVersion: { increment: 1 } } : {}) },
      select: { id: true, name: true, email: true, role: true, createdAt: true },
    });
  });
}
