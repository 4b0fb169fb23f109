import { getTranslations } from "next-intl/server";
import type { LessonMeta } from "@/lib/content/course";
import { DocumentLink as Link } from "@/components/layout/document-link";
import { LessonStatusIcon } from "@/components/progress/lesson-status-icon";
import { lessonStatusLabels } from "@/components/progress/lesson-status-labels";

export async function LessonSidebar({ chapter, currentSlug }: { chapter: { number: number; title: string; lessons: LessonMeta[] }; currentSlug: string }) {
  const t = await getTranslations("lesson");
  const statusLabels = await lessonStatusLabels();
  return (
    <aside className="hidden w-64 shrink-0 lg:block" aria-label={t("sidebarLabel", { number: chapter.number })}>
      <div className="sticky top-14 max-h-[calc(100vh-3.5rem)] overflow-y-auto py-10">
        <p className="text-xs font-semibold uppercase tracking-wider text-slate-500 dark:text-slate-400">{t("chapterLabel", { number: chapter.number })}</p>
        <p className="mt-1 font-semibold">{chapter.title}</p>
        <ol className="mt-4 space-y-1">
          {chapter.lessons.map((lesson) => {
            const current = lesson.slug === currentSlug;
            return (
              <li key={lesson.slug}>
                <Link
                  // A plain link, so nothing prefetches: every lesson in view would otherwise download as
                  // the page loads, competing with the learner's editor (decisions 011 and 042).
                  href={lesson.href}
                  aria-current={current ? "page" : undefined}
                  className={`flex items-start gap-2 rounded-md px-2 py-1.5 text-sm ${current ? "bg-indigo-50 font-medium text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200" : "hover:bg-slate-100 dark:hover:bg-slate-900"}`}
                >
                  <LessonStatusIcon slug={lesson.slug} labels={statusLabels} />
                  <span>{lesson.title}</span>
                </Link>
              </li>
            );
          })}
        </ol>
        <Link href="/learn" className="mt-6 block text-sm text-slate-500 hover:underline dark:text-slate-400">{t("allChapters")}</Link>
      </div>
    </aside>
  );
}
