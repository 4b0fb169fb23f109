import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { readJson, route } from "@/lib/http/errors";
import { getCohortDetails, updateCohort } from "@/lib/cohorts/cohorts";
import { pathId, privateJson, requireJsonContent } from "@/lib/cohorts/http";

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
  requireJsonContent(request);
  const id = pathId((await params).id, "cohort");
  const cohort = await updateCohort(getDb(), user, id, await readJson(request, 8 * 1024));
  return privateJson({ cohort });
});
