import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { pathId, privateJson, route } from "@/lib/http/route";
import { getCourseOutline } from "@/lib/course/course-index-server";
import { learnerSubmission } from "@/lib/cohorts/dashboard";

type Context = { params: Promise<{ id: string; userId: string; exerciseId: string }> };

/** GET: the learner's latest run of the exercise: code and test results (`read:submission:cohort`). */
export const GET = route(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const { id, userId, exerciseId } = await params;
  const submission = await learnerSubmission(getDb(), user, pathId(id, "cohort"), pathId(userId, "learner"), pathId(exerciseId, "exercise"), getCourseOutline());
  return privateJson({ submission });
});
