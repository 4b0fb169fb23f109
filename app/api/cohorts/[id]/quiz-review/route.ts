import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { pathId, privateJson, route } from "@/lib/http/route";
import { listQuizReviews } from "@/lib/cohorts/quiz-review";
import { listQuizIds } from "@/lib/quiz/load";

type Context = { params: Promise<{ id: string }> };

/** GET: when each quiz shows its correct answers to this cohort's members (default where unset). */
export const GET = route(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const reviews = await listQuizReviews(getDb(), user, pathId((await params).id, "cohort"), listQuizIds());
  return privateJson({ reviews });
});
