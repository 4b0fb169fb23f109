import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { csvResponse, pathId, route } from "@/lib/http/route";
import { getCourseOutline } from "@/lib/course/course-index-server";
import { matrixExport } from "@/lib/cohorts/dashboard";

type Context = { params: Promise<{ id: string }> };

/** GET: the whole progress matrix (every learner) as CSV, one column per lesson, exercise and quiz. */
export const GET = route(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const file = await matrixExport(getDb(), user, pathId((await params).id, "cohort"), getCourseOutline());
  return csvResponse(file.filename, file.body);
});
