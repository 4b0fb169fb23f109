import { getDb } from "@/lib/db/client";
import { requirePermission } from "@/lib/auth/session";
import { readJson, route } from "@/lib/http/errors";
import { setTrack } from "@/lib/progress/account";
import { privateJson, requireJsonContent } from "@/lib/progress/http";
import { trackInputSchema } from "@/lib/progress/schemas";

/** Switches the signed-in learner's track (`{ track: "CONCEPT" | "BUILDER" }`). Nothing else changes. */
export const PUT = route(async (request: Request) => {
  const user = await requirePermission("write:progress:own");
  requireJsonContent(request);
  const { track } = trackInputSchema.parse(await readJson(request, 1024));
  return privateJson({ track: await setTrack(getDb(), user.id, track) });
});
