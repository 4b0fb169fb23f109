import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { isRole } from "@/lib/auth/permissions";
import { privateJson, route } from "@/lib/http/route";
import { listUsers } from "@/lib/cohorts/roles";

/** GET ?q=<name or email>&role=LEARNER|INSTRUCTOR|ADMIN: accounts for role management (admins). */
export const GET = route(async (request: Request) => {
  const user = await requireUser();
  const url = new URL(request.url);
  const role = url.searchParams.get("role");
  const result = await listUsers(getDb(), user, { query: url.searchParams.get("q") ?? "", role: isRole(role) ? role : undefined });
  return privateJson(result);
});
