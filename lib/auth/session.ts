import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { authOptions } from "./options";
import { can, type Permission, type Role } from "./permissions";
import { forbidden, unauthorized } from "@/lib/http/errors";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/** The signed-in user, or null. Cached per request. */
export const auth = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  return session?.user ?? null;
});

/** The signed-in user, or a 401 HttpError. */
export async function requireUser(): Promise<SessionUser> {
  const user = await auth();
  if (!user) throw unauthorized();
  return user;
}

export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) throw forbidden();
  return user;
}
