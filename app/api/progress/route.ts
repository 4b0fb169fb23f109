import { getDb } from "@/lib/db/client";
import { requirePermission } from "@/lib/auth/session";
import { privateJson, route } from "@/lib/http/route";
import { readProgressOverview } from "@/lib/progress/snapshot";

/** The signed-in learner's lesson statuses, passed exercises and track (ticks, useTrack()). */
export const GET = route(async () => {
  const user = await requirePermission("read:progress:own");
  return privateJson(await readProgressOverview(getDb(), user.id));
});
