import { getDb } from "@/lib/db/client";
import { requirePermission } from "@/lib/auth/session";
import { privateJson, readJsonBody, route } from "@/lib/http/route";
import { getProgressCatalog } from "@/lib/course/course-index-server";
import { writeLessonProgress } from "@/lib/progress/lessons";
import { contentId, lessonEventSchema } from "@/lib/progress/schemas";

type Context = { params: Promise<{ slug: string }> };

/**
 * What the lesson page reports: `{ visit?: true, section?: "<heading id>", complete?: true,
 * time?: { visitId, seconds } }`. Idempotent: the same report twice records once.
 */
export const POST = route(async (request: Request, { params }: Context) => {
  const user = await requirePermission("write:progress:own");
  const slug = contentId("lesson").parse((await params).slug);
  const event = lessonEventSchema.parse(await readJsonBody(request, 2 * 1024));
  const row = await writeLessonProgress(getDb(), getProgressCatalog(), user.id, slug, {
    complete: event.complete,
    section: event.section,
    time: event.time,
  });
  return privateJson({
    lesson: {
      slug: row.lessonSlug,
      status: row.status === "COMPLETE" ? "complete" : "in-progress",
      section: row.lastSection,
      timeSpentSeconds: row.timeSpentSeconds,
      completedAt: row.completedAt,
    },
  });
});
