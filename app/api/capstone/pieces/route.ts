import { getDb } from "@/lib/db/client";
import { requirePermission } from "@/lib/auth/session";
import { privateJson, route } from "@/lib/http/route";
import { passingCodeByPiece } from "@/lib/capstone/server/passing-code";

/** The signed-in learner's own passing code for each piece of the capstone GPT. */
export const GET = route(async () => {
  const user = await requirePermission("read:progress:own");
  return privateJson({ pieces: await passingCodeByPiece(getDb(), user.id) });
});
