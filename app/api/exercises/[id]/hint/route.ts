import { getDb } from "@/lib/db/client";
import { auth } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/http/errors";
import { requestedLocale } from "@/lib/http/locale";
import { privateJson, readJsonBody, route } from "@/lib/http/route";
import { countHints } from "@/lib/exercises/content";
import { renderHint } from "@/lib/exercises/hint-render";
import { serveHint } from "@/lib/exercises/help";

type Context = { params: Promise<{ id: string }> };

/**
 * One hint: `{ number }` (1 = the first), in the page's language (`?locale=zh`). Lesson pages carry no hint text; each hint is fetched
 * here when the learner asks for it. Signed in, hint n+1 needs hint n first and every first view
 * is recorded; signed out, the hint is served and nothing is stored.
 */
export const POST = route(async (request: Request, { params }: Context) => {
  const { id } = await params;
  const body = await readJsonBody(request, 1024);
  const user = await auth();
  if (user && !can(user.role, "write:progress:own")) throw forbidden();
  const locale = requestedLocale(request);
  const answer = await serveHint(getDb(), user?.id ?? null, id, body, { count: countHints, render: (exerciseId, number) => renderHint(exerciseId, number, locale) });
  return privateJson(answer);
});
