import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { pathId, privateJson, route } from "@/lib/http/route";
import { getCourseOutline } from "@/lib/course/course-index-server";
import { learnerQuizAnswers } from "@/lib/cohorts/dashboard";

type Context = { params: Promise<{ id: string; userId: string; quizId: string }> };

/** GET: the learner's attempts of the quiz with every answer (`read:submission:cohort`). */
export const GET = route(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const { id, userId, quizId } = await params;
  const answers = await learnerQuizAnswers(getDb(), user, pathId(id, "cohort"), pathId(userId, "learner"), pathId(quizId, "quiz"), getCourseOutline());
  return privateJson(answers);
});
