import { getTranslations } from "next-intl/server";
import type { LessonStatusLabels } from "./lesson-status-icon";

/** What <LessonStatusIcon> says for each status, in the page's language (server components pass it down). */
export async function lessonStatusLabels(): Promise<LessonStatusLabels> {
  const t = await getTranslations("lesson");
  return { "not-started": t("statusNotStarted"), "in-progress": t("statusInProgress"), complete: t("statusComplete") };
}
