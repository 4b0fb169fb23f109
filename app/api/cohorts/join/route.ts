import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { privateJson, readJsonBody, route } from "@/lib/http/route";
import { joinCohort } from "@/lib/cohorts/membership";

/** POST { code }: the signed-in learner joins the cohort with that join code (idempotent). */
export const POST = route(async (request: Request) => {
  const user = await requireUser();
  const result = await joinCohort(getDb(), user, await readJsonBody(request, 1024));
  return privateJson(result, result.joined ? 201 : 200);
});
