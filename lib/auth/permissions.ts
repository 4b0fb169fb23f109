/**
 * Permissions as data: `action:entity:access`. Access is `own` (the user's own records),
 * `cohort` (records of learners in cohorts the user teaches) or `any`.
 * Routes call requirePermission(...) (lib/auth/session.ts); ownership / cohort membership of the
 * specific record is then checked by the query itself (e.g. `where: { userId: me }`).
 */
export type Role = "LEARNER" | "INSTRUCTOR" | "ADMIN";

export type Permission =
  | "read:progress:own"
  | "write:progress:own"
  | "delete:account:own"
  | "join:cohort:any"
  | "create:cohort:any"
  | "manage:cohort:cohort"
  | "read:progress:cohort"
  | "read:submission:cohort"
  | "read:cohort:any"
  | "update:role:any";

const LEARNER: Permission[] = ["read:progress:own", "write:progress:own", "delete:account:own", "join:cohort:any"];
const INSTRUCTOR: Permission[] = [...LEARNER, "create:cohort:any", "manage:cohort:cohort", "read:progress:cohort", "read:submission:cohort"];
const ADMIN: Permission[] = [...INSTRUCTOR, "read:cohort:any", "update:role:any"];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  LEARNER: new Set(LEARNER),
  INSTRUCTOR: new Set(INSTRUCTOR),
  ADMIN: new Set(ADMIN),
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role]?.has(permission) ?? false;
}

export const ROLES: Role[] = ["LEARNER", "INSTRUCTOR", "ADMIN"];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as string[]).includes(value);
}
