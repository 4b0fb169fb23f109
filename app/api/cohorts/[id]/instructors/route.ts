import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { readJson, route } from "@/lib/http/errors";
import { addInstructor } from "@/lib/cohorts/cohorts";
import { pathId, privateJson, requireJsonContent } from "@/lib/cohorts/http";

type Context = { params: Promise<{ id: string }> };

/** POST { email }: add an existing instructor account as a co-instructor. */
export const POST = route(async (request: Request, { params }: Context) => {
  const user = await requireUser();
  requireJsonContent(request);
  const id = pathId((await params).id, "cohort");
  const cohort = await addInstructor(getDb(), user, id, await readJson(request, 1024));
  return privateJson({ cohort });
});
