import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { pathId, privateJson, route } from "@/lib/http/route";
import { getCourseOutline } from "@/lib/course/course-index-server";
import { cohortOverview } from "@/lib/cohorts/dashboard";

type Context = { params: Promise<{ id: string }> };

/** GET: roster, needs attention, activity per day and the completion distribution. */
export const GET = route(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const overview = await cohortOverview(getDb(), user, pathId((await params).id, "cohort"), getCourseOutline());
  return privateJson(overview);
});
