import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { pathId, privateJson, route } from "@/lib/http/route";
import { leaveCohort } from "@/lib/cohorts/membership";

type Context = { params: Promise<{ id: string }> };

/** DELETE: the signed-in learner leaves the cohort. */
export const DELETE = route(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  await leaveCohort(getDb(), user, pathId((await params).id, "cohort"));
  return privateJson({ left: true });
});
