import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { pathId, privateJson, route } from "@/lib/http/route";
import { getCourseOutline } from "@/lib/course/course-index-server";
import { cohortExerciseAnalytics, cohortItemAnalysis } from "@/lib/cohorts/dashboard";

type Context = { params: Promise<{ id: string }> };

/** GET: exercise analytics and quiz item analysis. */
export const GET = route(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const id = pathId((await params).id, "cohort");
  const db = getDb();
  const outline = getCourseOutline();
  const [exercises, quizzes] = await Promise.all([cohortExerciseAnalytics(db, user, id, outline), cohortItemAnalysis(db, user, id, outline)]);
  return privateJson({ exercises, quizzes });
});
