import { getDb } from "@/lib/db/client";
import { requirePermission } from "@/lib/auth/session";
import { privateJson, readJsonBody, route } from "@/lib/http/route";
import { requireExercise } from "@/lib/exercises/catalog";
import { recordAttempt } from "@/lib/exercises/attempts";
import { EXERCISE_LIMITS } from "@/lib/exercises/limits";
import { queueVerification } from "@/lib/verification/producer";

type Context = { params: Promise<{ id: string }> };

/**
 * Records one "Run tests" of a signed-in learner (see lib/exercises/attempt-input.ts for the body).
 * 201 when recorded, 200 when this clientRunId was already recorded (nothing changed).
 * The run counts only once the server has re-graded it: its status starts "pending" and a
 * verification job is queued (GET ./<attemptId> tells the verdict).
 */
export const POST = route(async (request: Request, { params }: Context) => {
  const { id } = await params;
  requireExercise(id);
  const user = await requirePermission("write:progress:own");
  const result = await recordAttempt(getDb(), user.id, id, await readJsonBody(request, EXERCISE_LIMITS.attemptBodyBytes));
  if (result.recorded) await queueVerification([result.attemptId]);
  return privateJson(result, result.recorded ? 201 : 200);
});
