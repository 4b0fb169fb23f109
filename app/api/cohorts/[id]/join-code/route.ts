import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { pathId, privateJson, readJsonBody, route } from "@/lib/http/route";
import { rotateJoinCode } from "@/lib/cohorts/cohorts";

type Context = { params: Promise<{ id: string }> };

/** POST (empty JSON body): replace the join code; the old one stops working at once. */
export const POST = route(async (request: Request, { params }: Context) => {
  const user = await requireUser();
  await readJsonBody(request, 1024); // `{}`: nothing to read, but the write checks apply
  const cohort = await rotateJoinCode(getDb(), user, pathId((await params).id, "cohort"));
  return privateJson({ cohort });
});
