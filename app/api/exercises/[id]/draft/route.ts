import { getDb } from "@/lib/db/client";
import { requirePermission } from "@/lib/auth/session";
import { privateJson, readJsonBody, route } from "@/lib/http/route";
import { requireExercise } from "@/lib/exercises/catalog";
import { getDraft, saveDraft } from "@/lib/exercises/drafts";
import { EXERCISE_LIMITS } from "@/lib/exercises/limits";

type Context = { params: Promise<{ id: string }> };

/** The signed-in learner's autosaved code (only ever their own). */
export const GET = route(async (_request: Request, { params }: Context) => {
  const { id } = await params;
  requireExercise(id);
  const user = await requirePermission("read:progress:own");
  const draft = await getDraft(getDb(), user.id, id);
  return privateJson({ draft });
});

/** Autosave: `{ code, updatedAt }`. An older save than the stored one answers `saved: false` with the newer draft. */
export const PUT = route(async (request: Request, { params }: Context) => {
  const { id } = await params;
  requireExercise(id);
  const user = await requirePermission("write:progress:own");
  const result = await saveDraft(getDb(), user.id, id, await readJsonBody(request, EXERCISE_LIMITS.draftBodyBytes));
  return privateJson(result);
});
