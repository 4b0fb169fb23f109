import { getDb } from "@/lib/db/client";
import { requirePermission } from "@/lib/auth/session";
import { privateJson, readJsonBody, route } from "@/lib/http/route";
import { setTrack } from "@/lib/progress/account";
import { trackInputSchema } from "@/lib/progress/schemas";

/** Switches the signed-in learner's track (`{ track: "CONCEPT" | "BUILDER" }`). Nothing else changes. */
export const PUT = route(async (request: Request) => {
  const user = await requirePermission("write:progress:own");
  const { track } = trackInputSchema.parse(await readJsonBody(request, 1024));
  return privateJson({ track: await setTrack(getDb(), user.id, track) });
});
