import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { route } from "@/lib/http/errors";
import { leaveCohort } from "@/lib/cohorts/membership";
import { pathId, privateJson } from "@/lib/cohorts/http";

type Context = { params: Promise<{ id: string }> };

/** DELETE: the signed-in learner leaves the cohort. */
export const DELETE = route(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  await leaveCohort(getDb(), user, pathId((await params).id, "cohort"));
  return privateJson({ left: true });
});
