import { getDb } from "@/lib/db/client";
import { requirePermission } from "@/lib/auth/session";
import { privateJson, route } from "@/lib/http/route";
import { requireExercise } from "@/lib/exercises/catalog";
import { readSolutionSource } from "@/lib/exercises/content";
import { serveSolution } from "@/lib/exercises/help";
import { HttpError } from "@/lib/http/errors";

type Context = { params: Promise<{ id: string }> };

/**
 * "Show solution", signed-in learners only: the view is recorded first, and only then is the
 * reference solution read and returned. This is the only way solution.ts reaches a browser.
 */
export const POST = route(async (_request: Request, { params }: Context) => {
  const { id } = await params;
  requireExercise(id);
  const user = await requirePermission("write:progress:own").catch((error: unknown) => {
    if (error instanceof HttpError && error.status === 401) return null;
    throw error;
  });
  const result = await serveSolution(getDb(), user?.id ?? null, id, readSolutionSource);
  return privateJson(result);
});
