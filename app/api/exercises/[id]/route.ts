import { getDb } from "@/lib/db/client";
import { requirePermission } from "@/lib/auth/session";
import { privateJson, route } from "@/lib/http/route";
import { requireExercise } from "@/lib/exercises/catalog";
import { getDraft } from "@/lib/exercises/drafts";
import { getProgress } from "@/lib/exercises/progress";

type Context = { params: Promise<{ id: string }> };

/** The signed-in learner's state for one exercise: progress (complete?, hints used) and saved code. */
export const GET = route(async (_request: Request, { params }: Context) => {
  const { id } = await params;
  requireExercise(id);
  const user = await requirePermission("read:progress:own");
  const db = getDb();
  const [progress, draft] = await Promise.all([getProgress(db, user.id, id), getDraft(db, user.id, id)]);
  return privateJson({ progress, draft });
});
