import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { pathId, privateJson, readJsonBody, route } from "@/lib/http/route";
import { addInstructor } from "@/lib/cohorts/cohorts";

type Context = { params: Promise<{ id: string }> };

/** POST { email }: add an existing instructor account as a co-instructor. */
export const POST = route(async (request: Request, { params }: Context) => {
  const user = await requireUser();
  const id = pathId((await params).id, "cohort");
  const cohort = await addInstructor(getDb(), user, id, await readJsonBody(request, 1024));
  return privateJson({ cohort });
});
