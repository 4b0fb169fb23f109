import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { requirePermission } from "@/lib/auth/session";
import { privateJson, readJsonBody, route } from "@/lib/http/route";
import { requireExercise } from "@/lib/exercises/catalog";
import { countHints } from "@/lib/exercises/content";
import { recordHintsRevealed } from "@/lib/exercises/progress";

type Context = { params: Promise<{ id: string }> };

/** The learner has revealed hints 1..`revealed`: `{ revealed }`. Keeps the largest count seen. */
export const POST = route(async (request: Request, { params }: Context) => {
  const { id } = await params;
  requireExercise(id);
  const user = await requirePermission("write:progress:own");
  const count = await countHints(id);
  const body = z
    .object({
      revealed: z
        .number({ message: "revealed must be the number of hints shown" })
        .int()
        .min(1, "revealed must be at least 1")
        .max(count, `this exercise has ${count} hints`),
    })
    .parse(await readJsonBody(request, 1024));
  const progress = await recordHintsRevealed(getDb(), user.id, id, body.revealed);
  return privateJson({ progress });
});
