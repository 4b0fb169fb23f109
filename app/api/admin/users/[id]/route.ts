import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { readJson, route } from "@/lib/http/errors";
import { setUserRole } from "@/lib/cohorts/roles";
import { pathId, privateJson, requireJsonContent } from "@/lib/cohorts/http";

type Context = { params: Promise<{ id: string }> };

/** PATCH { role }: change an account's role (admins; never leaves the platform without an admin). */
export const PATCH = route(async (request: Request, { params }: Context) => {
  const user = await requireUser();
  requireJsonContent(request);
  const updated = await setUserRole(getDb(), user, pathId((await params).id, "account"), await readJson(request, 1024));
  return privateJson({ user: updated });
});
