import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { pathId, privateJson, route } from "@/lib/http/route";
import { removeInstructor } from "@/lib/cohorts/cohorts";

type Context = { params: Promise<{ id: string; userId: string }> };

/** DELETE: remove a co-instructor (or oneself); the last instructor stays. */
export const DELETE = route(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const { id, userId } = await params;
  const cohort = await removeInstructor(getDb(), user, pathId(id, "cohort"), pathId(userId, "instructor"));
  return privateJson({ cohort });
});
