import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { route } from "@/lib/http/errors";
import { rotateJoinCode } from "@/lib/cohorts/cohorts";
import { pathId, privateJson, requireJsonContent } from "@/lib/cohorts/http";

type Context = { params: Promise<{ id: string }> };

/** POST (empty JSON body): replace the join code; the old one stops working at once. */
export const POST = route(async (request: Request, { params }: Context) => {
  const user = await requireUser();
  requireJsonContent(request);
  const cohort = await rotateJoinCode(getDb(), user, pathId((await params).id, "cohort"));
  return privateJson({ cohort });
});
