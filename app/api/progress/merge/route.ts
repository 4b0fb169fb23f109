import { getDb } from "@/lib/db/client";
import { requirePermission } from "@/lib/auth/session";
import { privateJson, readJsonBody, route } from "@/lib/http/route";
import { recordAttempt } from "@/lib/exercises/attempts";
import { saveDraft } from "@/lib/exercises/drafts";
import { recordQuizAttempt } from "@/lib/quiz/attempts";
import { getProgressCatalog } from "@/lib/course/course-index-server";
import { mergeLocalProgress } from "@/lib/progress/merge";
import { queueVerification } from "@/lib/verification/producer";
import { MERGE_MAX_BYTES, mergeInputSchema } from "@/lib/progress/schemas";

/**
 * The browser's local progress, merged into the signed-in account after sign-up or sign-in.
 * Answers per item which were merged or rejected for good; the browser then clears those.
 */
export const POST = route(async (request: Request) => {
  const user = await requirePermission("write:progress:own");
  const input = mergeInputSchema.parse(await readJsonBody(request, MERGE_MAX_BYTES));
  const result = await mergeLocalProgress(getDb(), getProgressCatalog(), user.id, input, {
    recordExerciseRun: recordAttempt,
    queueVerification,
    saveDraft,
    recordQuizAttempt,
  });
  return privateJson(result);
});
