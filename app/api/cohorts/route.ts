import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { privateJson, readJsonBody, route } from "@/lib/http/route";
import { createCohort, listCohorts } from "@/lib/cohorts/cohorts";
import { listMyCohorts } from "@/lib/cohorts/membership";

/**
 * GET: the cohorts the signed-in user belongs to as a learner (names and instructors only), and,
 * for instructors, those they teach (admins: every cohort).
 */
export const GET = route(async () => {
  const user = await requireUser();
  const db = getDb();
  const [member, teaching] = await Promise.all([
    listMyCohorts(db, user),
    can(user.role, "manage:cohort:cohort") ? listCohorts(db, user) : Promise.resolve(undefined),
  ]);
  return privateJson(teaching ? { member, teaching } : { member });
});

/** POST { name, description?, startsAt: "YYYY-MM-DD", endsAt?: "YYYY-MM-DD" | null }: a new cohort taught by the caller. */
export const POST = route(async (request: Request) => {
  const user = await requireUser();
  const cohort = await createCohort(getDb(), user, await readJsonBody(request, 8 * 1024));
  return privateJson({ cohort }, 201);
});
