import { getDb } from "@/lib/db/client";
import { requirePermission } from "@/lib/auth/session";
import { privateJson, route } from "@/lib/http/route";
import { buildingBlocksFor } from "@/lib/exercises/building-blocks";
import { readSolutionSource } from "@/lib/exercises/content";

type Context = { params: Promise<{ id: string }> };

/**
 * For an exercise that imports "@academy/provided": the signed-in learner's own code of each
 * earlier exercise a piece comes from (or the solution they opened). Sign-in required.
 */
export const GET = route(async (_request: Request, { params }: Context) => {
  const { id } = await params;
  const user = await requirePermission("read:progress:own");
  const blocks = await buildingBlocksFor(getDb(), user.id, id, readSolutionSource);
  return privateJson({ blocks });
});
