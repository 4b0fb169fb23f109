import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { pathId, privateJson, readJsonBody, route } from "@/lib/http/route";
import { setQuizReview } from "@/lib/cohorts/quiz-review";

type Context = { params: Promise<{ id: string; quizId: string }> };

/** PUT { mode: "AFTER_PASS_OR_ATTEMPTS" | "AFTER_PASS" | "AFTER_ATTEMPTS" | "ALWAYS", attempts? } (the cohort's instructors). */
export const PUT = route(async (request: Request, { params }: Context) => {
  const { id, quizId } = await params;
  const body = await readJsonBody(request, 1024);
  const user = await requireUser();
  const review = await setQuizReview(getDb(), user, pathId(id, "cohort"), quizId, body);
  return privateJson({ review });
});
