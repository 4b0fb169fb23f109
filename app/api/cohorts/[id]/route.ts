import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { pathId, privateJson, readJsonBody, route } from "@/lib/http/route";
import { getCohortDetails, updateCohort } from "@/lib/cohorts/cohorts";

type Context = { params: Promise<{ id: string }> };

/** GET: the cohort's settings, join code and instructors (instructors of it; admins). */
export const GET = route(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const cohort = await getCohortDetails(getDb(), user, pathId((await params).id, "cohort"));
  return privateJson({ cohort });
});

/** PATCH { name?, description?, startsAt?, endsAt?, joinOpen? } (its instructors). */
export const PATCH = route(async (request: Request, { params }: Context) => {
  const user = await requireUser();
  const id = pathId((await params).id, "cohort");
  const cohort = await updateCohort(getDb(), user, id, await readJsonBody(request, 8 * 1024));
  return privateJson({ cohort });
});
