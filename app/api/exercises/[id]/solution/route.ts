import { getDb } from "@/lib/db/client";
import { auth } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/http/errors";
import { privateJson, route } from "@/lib/http/route";
import { requireExercise } from "@/lib/exercises/catalog";
import { readSolutionSource } from "@/lib/exercises/content";
import { revealSolution } from "@/lib/exercises/progress";

type Context = { params: Promise<{ id: string }> };

/**
 * "Show solution". For a signed-in learner the view is recorded first, and only then is the
 * reference solution read and returned. Anonymous learners get it too (their browser notes it).
 * This is the only way solution.ts reaches a browser.
 */
export const POST = route(async (_request: Request, { params }: Context) => {
  const { id } = await params;
  requireExercise(id);
  const user = await auth();
  if (user && !can(user.role, "write:progress:own")) throw forbidden();
  const result = await revealSolution(getDb(), user?.id ?? null, id, readSolutionSource);
  return privateJson(result);
});
