import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { pathId, privateJson, route } from "@/lib/http/route";
import { getCourseOutline } from "@/lib/course/course-index-server";
import { cohortMatrix } from "@/lib/cohorts/dashboard";
import { cellText } from "@/lib/analytics/matrix";

type Context = { params: Promise<{ id: string }> };

/** GET ?page=1&pageSize=50&q=<name or email>: one page of the progress matrix; every cell with its text. */
export const GET = route(async (request: Request, { params }: Context) => {
  const user = await requireUser();
  const url = new URL(request.url);
  const matrix = await cohortMatrix(getDb(), user, pathId((await params).id, "cohort"), getCourseOutline(), {
    page: Number(url.searchParams.get("page") ?? 1),
    pageSize: Number(url.searchParams.get("pageSize") ?? 50),
    search: url.searchParams.get("q") ?? "",
  });
  return privateJson({
    ...matrix,
    rows: matrix.rows.map((r) => ({ learner: r.learner, cells: r.cells.map((c) => ({ ...c, text: cellText(c) })) })),
  });
});
