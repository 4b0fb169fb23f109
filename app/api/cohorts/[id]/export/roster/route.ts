import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { csvResponse, pathId, route } from "@/lib/http/route";
import { getCourseOutline } from "@/lib/course/course-index-server";
import { rosterExport } from "@/lib/cohorts/dashboard";

type Context = { params: Promise<{ id: string }> };

/** GET: the roster as CSV (UTF-8 with BOM, RFC 4180, formulas neutralised). */
export const GET = route(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const file = await rosterExport(getDb(), user, pathId((await params).id, "cohort"), getCourseOutline());
  return csvResponse(file.filename, file.body);
});
