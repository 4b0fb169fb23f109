import { getDb } from "@/lib/db/client";
import { requirePermission } from "@/lib/auth/session";
import { pathId, privateJson, route } from "@/lib/http/route";
import { requireExercise } from "@/lib/exercises/catalog";
import { getRunStatus } from "@/lib/verification/run-status";

type Context = { params: Promise<{ id: string; clientRunId: string }> };

/** Where the server's check of one of the signed-in learner's runs stands (the card polls it). */
export const GET = route(async (_request: Request, { params }: Context) => {
  const { id, clientRunId } = await params;
  requireExercise(id);
  const user = await requirePermission("read:progress:own");
  return privateJson(await getRunStatus(getDb(), user.id, id, pathId(clientRunId, "run")));
});
