import { getDb } from "@/lib/db/client";
import { requirePermission } from "@/lib/auth/session";
import { pathId, privateJson, route } from "@/lib/http/route";
import { requireExercise } from "@/lib/exercises/catalog";
import { getRunStatus, inWordsOf } from "@/lib/verification/run-status";
import { requestedLocale } from "@/lib/http/locale";
import { recordedResultWords } from "@/lib/grading/recorded-words";

type Context = { params: Promise<{ id: string; clientRunId: string }> };

/** Where the server's check of one of the signed-in learner's runs stands (the card polls it), worded for `?locale=`. */
export const GET = route(async (request: Request, { params }: Context) => {
  const { id, clientRunId } = await params;
  requireExercise(id);
  const locale = requestedLocale(request);
  const user = await requirePermission("read:progress:own");
  const view = await getRunStatus(getDb(), user.id, id, pathId(clientRunId, "run"));
  return privateJson(locale === "en" ? view : inWordsOf(view, await recordedResultWords(id, locale)));
});
