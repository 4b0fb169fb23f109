import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { readJson, route } from "@/lib/http/errors";
import { joinCohort } from "@/lib/cohorts/membership";
import { privateJson, requireJsonContent } from "@/lib/cohorts/http";

/** POST { code }: the signed-in learner joins the cohort with that join code (idempotent). */
export const POST = route(async (request: Request) => {
  const user = await requireUser();
  requireJsonContent(request);
  const result = await joinCohort(getDb(), user, await readJson(request, 1024));
  return privateJson(result, result.joined ? 201 : 200);
});
