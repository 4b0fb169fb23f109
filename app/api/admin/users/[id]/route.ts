import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { pathId, privateJson, readJsonBody, route } from "@/lib/http/route";
import { setUserRole } from "@/lib/cohorts/roles";

type Context = { params: Promise<{ id: string }> };

/** PATCH { role }: change an account's role (admins; never leaves the platform without an admin). */
export const PATCH = route(async (request: Request, { params }: Context) => {
  const user = await requireUser();
  const updated = await setUserRole(getDb(), user, pathId((await params).id, "account"), await readJsonBody(request, 1024));
  return privateJson({ user: updated });
});
