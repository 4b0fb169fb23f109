import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { pathId, privateJson, route } from "@/lib/http/route";
import { getCourseOutline } from "@/lib/course/course-index-server";
import { learnerOverview } from "@/lib/cohorts/dashboard";

type Context = { params: Promise<{ id: string; userId: string }> };

/** GET: one learner of the cohort: completion, per-exercise and per-quiz status, timeline. */
export const GET = route(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const { id, userId } = await params;
  const overview = await learnerOverview(getDb(), user, pathId(id, "cohort"), pathId(userId, "learner"), getCourseOutline());
  return privateJson(overview);
});
