/**
 * Who may see or change a cohort: the one place the record-level rules live. Every cohort
 * route, page and server-side read goes through these functions before touching cohort data.
 *
 * Two checks, in this order:
 * 1. The permission, as data (lib/auth/permissions.ts): a learner has none of the cohort
 *    permissions and gets 403 whatever the cohort.
 * 2. The record: the user teaches THIS cohort (a CohortInstructor row). An admin
 *    (`read:cohort:any`) may also READ any cohort (its dashboard, learners' progress and
 *    submissions: they operate the platform), but changes a cohort only if they teach it.
 *    A cohort the user may not see answers 404, exactly like a cohort that does not exist, so
 *    ids cannot be probed.
 * For a learner's own records in a cohort (drill-down), `requireMember` adds: the learner is a
 * member of THIS cohort, else 404.
 *
 * Framework-free: takes the Prisma client and the signed-in user, throws HttpError.
 */
import type { PrismaClient } from "../db/create-client";
import { can, type Permission, type Role } from "../auth/permissions";
import { forbidden, notFound } from "../http/errors";

/** The signed-in user as the cohort functions need it (SessionUser satisfies it). */
export interface Actor {
  id: string;
  role: Role;
}

/** Cohort permissions that only read. */
export type CohortReadPermission = "read:progress:cohort" | "read:submission:cohort";
/** Cohort permissions that change something. */
export type CohortManagePermission = "manage:cohort:cohort";
export type CohortPermission = CohortReadPermission | CohortManagePermission;

const READS: ReadonlySet<Permission> = new Set<Permission>(["read:progress:cohort", "read:submission:cohort"]);

export const COHORT_NOT_FOUND = "There is no such cohort, or you do not teach it.";
export const LEARNER_NOT_FOUND = "This learner is not a member of this cohort.";

export interface AuthorizedCohort {
  id: string;
  name: string;
  startsAt: Date;
  /** Whether the user is one of its instructors (false for an admin reading another's cohort). */
  teaches: boolean;
}

/** 403 unless the user's role has the permission. */
export function requireCan(user: Actor, permission: Permission): void {
  if (!can(user.role, permission)) throw forbidden();
}

/**
 * The cohort, if `user` may exercise `permission` on it; otherwise 403 (no such permission) or
 * 404 (no such cohort, or not one of theirs).
 */
export async function authorizeCohort(
  db: PrismaClient,
  user: Actor,
  cohortId: string,
  permission: CohortPermission,
): Promise<AuthorizedCohort> {
  requireCan(user, permission);
  if (typeof cohortId !== "string" || cohortId.length === 0 || cohortId.length > 64) throw notFound(COHORT_NOT_FOUND, { code: "cohortNotFound" });
  // One round trip: the cohort and whether the user teaches it.
  const [cohort] = await db.$queryRaw<{ id: string; name: string; startsAt: Date; teaches: boolean }[]>`
    SELECT c.id, c.name, c."startsAt",
           EXISTS (SELECT 1 FROM "CohortInstructor" ci WHERE ci."cohortId" = c.id AND ci."userId" = ${user.id}) AS teaches
    FROM "Cohort" c WHERE c.id = ${cohortId}`;
  if (!cohort) throw notFound(COHORT_NOT_FOUND, { code: "cohortNotFound" });
  const teaches = cohort.teaches;
  const mayRead = READS.has(permission) && can(user.role, "read:cohort:any");
  if (!teaches && !mayRead) throw notFound(COHORT_NOT_FOUND, { code: "cohortNotFound" });
  return { id: cohort.id, name: cohort.name, startsAt: cohort.startsAt, teaches };
}

/** 404 unless `learnerId` is a member of the cohort. Returns when they joined. */
export async function requireMember(db: PrismaClient, cohortId: string, learnerId: string): Promise<{ joinedAt: Date }> {
  if (typeof learnerId !== "string" || learnerId.length === 0 || learnerId.length > 64) throw notFound(LEARNER_NOT_FOUND, { code: "learnerNotFound" });
  const membership = await db.cohortMembership.findUnique({
    where: { cohortId_userId: { cohortId, userId: learnerId } },
    select: { joinedAt: true },
  });
  if (!membership) throw notFound(LEARNER_NOT_FOUND, { code: "learnerNotFound" });
  return membership;
}

/** Both checks for a learner's records: the user may use `permission` on the cohort and the learner is in it. */
export async function authorizeLearner(
  db: PrismaClient,
  user: Actor,
  cohortId: string,
  learnerId: string,
  permission: CohortReadPermission,
): Promise<AuthorizedCohort & { joinedAt: Date }> {
  const cohort = await authorizeCohort(db, user, cohortId, permission);
  const { joinedAt } = await requireMember(db, cohort.id, learnerId);
  return { ...cohort, joinedAt };
}
