import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LocaleLink as Link } from "@/components/layout/locale-link";
import { enterLocale } from "@/i18n/server";
import { getManifest } from "@/lib/content/loader";
import { LessonStatusIcon } from "@/components/progress/lesson-status-icon";
import { lessonStatusLabels } from "@/components/progress/lesson-status-labels";
import { TRAINING_PAGE_HREF } from "@/lib/capstone/href";
import { ClientMessages } from "@/components/layout/client-messages";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "lesson" }))("outlineTitle") };
}

export default async function OutlinePage({ params }: Props) {
  const locale = await enterLocale(params);
  const { course, chapters } = getManifest(locale);
  const t = await getTranslations("lesson");
  const statusLabels = await lessonStatusLabels();
  return (
    <ClientMessages namespaces={["lesson"]}>
    <main className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight">{course.title}</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-300">{course.summary}</p>
      <ol className="mt-10 space-y-10">
        {chapters.map((chapter) => (
          <li key={chapter.slug} aria-labelledby={`chapter-${chapter.slug}`}>
            <h2 id={`chapter-${chapter.slug}`} className="text-xl font-semibold">
              <span className="text-slate-500 dark:text-slate-400">{t("chapterNumbered", { number: chapter.number })}</span> {chapter.title}
            </h2>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{chapter.summary} · {t("minutes", { minutes: chapter.minutes })}</p>
            <ol className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
              {chapter.lessons.map((lesson) => (
                <li key={lesson.slug}>
                  <Link href={lesson.href} className="flex items-center gap-3 px-4 py-3 hover:bg-slate-50 dark:hover:bg-slate-900" data-testid={`outline-lesson-${lesson.slug}`}>
                    <LessonStatusIcon slug={lesson.slug} labels={statusLabels} />
                    <span className="flex-1">
                      <span className="font-medium">{lesson.title}</span>
                      <span className="block text-sm text-slate-500 dark:text-slate-400">{lesson.summary}</span>
                    </span>
                    <span className="shrink-0 text-sm text-slate-500 dark:text-slate-400">{t("minutes", { minutes: lesson.minutes })}</span>
                  </Link>
                </li>
              ))}
            </ol>
            {chapter.slug === "build-a-gpt" ? (
              <Link href={TRAINING_PAGE_HREF} className="mt-3 block rounded-lg border border-indigo-200 px-4 py-3 hover:bg-indigo-50 dark:border-indigo-900 dark:hover:bg-indigo-950" data-testid="outline-training-page">
                <span className="font-medium">{t("capstoneCardTitle")}</span>
                <span className="block text-sm text-slate-500 dark:text-slate-400">{t("capstoneCardBody")}</span>
              </Link>
            ) : null}
          </li>
        ))}
      </ol>
    </main>
    </ClientMessages>
  );
}
