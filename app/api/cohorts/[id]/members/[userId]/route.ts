import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { pathId, privateJson, route } from "@/lib/http/route";
import { removeMember } from "@/lib/cohorts/cohorts";

type Context = { params: Promise<{ id: string; userId: string }> };

/** DELETE: an instructor removes a learner from the cohort (the learner's progress stays theirs). */
export const DELETE = route(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const { id, userId } = await params;
  await removeMember(getDb(), user, pathId(id, "cohort"), pathId(userId, "learner"));
  return privateJson({ removed: true });
});
