import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { enterLocale } from "@/i18n/server";
import { LOCALES, localizedPath, type Locale } from "@/i18n/routing";
import { DocumentLink as Link } from "@/components/layout/document-link";
import { getLesson, getManifest } from "@/lib/content/loader";
import { LessonBody } from "@/components/lesson/lesson-body";
import { LessonSidebar } from "@/components/lesson/lesson-sidebar";
import { TableOfContents } from "@/components/lesson/table-of-contents";
import { LessonCompletion } from "@/components/lesson/lesson-completion";
import { LessonKeyboardNav } from "@/components/lesson/lesson-keyboard-nav";
import { StaleTranslationNotice } from "@/components/lesson/stale-translation-notice";
import { FigureTextProvider, type FigureMessageTree } from "@/components/figures/figure-text";

const figureMessages = async (locale: Locale) => (await import(`@/components/figures/text/${locale}.json`)).default as FigureMessageTree;

// Every lesson is generated at build time in every locale; an unknown URL is a 404, never a render attempt.
export const dynamicParams = false;

export function generateStaticParams() {
  return LOCALES.flatMap((locale) => getManifest(locale).lessons.map((l) => ({ locale, chapter: l.chapter, lesson: l.slug })));
}

type Params = { params: Promise<{ locale: string; chapter: string; lesson: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, chapter, lesson } = await params;
  const { meta } = await getLesson(locale as Locale, chapter, lesson);
  return { title: meta.title, description: meta.summary };
}

export default async function LessonPage({ params }: Params) {
  const locale = await enterLocale(params);
  const { chapter, lesson } = await params;
  const { meta, code, headings, previous, next, stale } = await getLesson(locale, chapter, lesson);
  const chapterInfo = getManifest(locale).chapters.find((c) => c.slug === meta.chapter)!;
  const t = await getTranslations("lesson");

  // No next-intl provider on lesson pages: client components get their words as props, and the
  // quiz and the open exercise bring their messages with their own lazily loaded code (decision 037).
  return (
    <div className="mx-auto flex max-w-7xl gap-8 px-4">
      <LessonSidebar chapter={chapterInfo} currentSlug={meta.slug} />
      <main className="min-w-0 flex-1 py-10" data-lesson={meta.slug}>
        <nav aria-label={t("breadcrumbLabel")} className="text-sm text-slate-500 dark:text-slate-400">
          <Link href="/learn" className="hover:underline">{t("breadcrumbCourse")}</Link> <span aria-hidden="true">/</span> {t("breadcrumbChapter", { number: meta.chapterNumber, title: meta.chapterTitle })}
        </nav>
        {stale && <StaleTranslationNotice href={meta.href} />}
        <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">{meta.title}</h1>
        <p className="mt-3 text-lg text-slate-600 dark:text-slate-300">{meta.summary}</p>
        <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">
          {t("aboutMinutes", { minutes: meta.minutes })}
          {meta.exercises.length > 0 && ` · ${t("exerciseCount", { count: meta.exercises.length })}`}
        </p>

        <section aria-labelledby="you-will-learn" className="mt-8 rounded-xl border border-indigo-200 bg-indigo-50/50 p-5 dark:border-indigo-900 dark:bg-indigo-950/30">
          <h2 id="you-will-learn" className="font-semibold">{t("youWillLearn")}</h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {meta.objectives.map((o) => <li key={o}>{o}</li>)}
          </ul>
        </section>

        <article className="mt-8 max-w-3xl">
          {/* The figures' words in the page's language, passed as data (not bundled): English pages pass none and the figures fall back to their own English. */}
          <FigureTextProvider locale={locale} messages={locale === "en" ? undefined : await figureMessages(locale)}>
            <LessonBody code={code} />
          </FigureTextProvider>
        </article>

        <LessonCompletion
          slug={meta.slug}
          labels={{ complete: t("complete"), finished: t("finished"), markComplete: t("markComplete") }}
          localNote={t.rich("localNote", {
            link: (chunks) => (
              <Link href={`/sign-up?callbackUrl=${encodeURIComponent("/dashboard")}`} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
                {chunks}
              </Link>
            ),
          })}
        />

        <nav aria-label={t("lessonNavLabel")} className="mt-10 flex max-w-3xl justify-between gap-4 border-t border-slate-200 pt-6 dark:border-slate-800">
          {previous ? (
            <Link href={previous.href} rel="prev" className="group max-w-[45%]" data-testid="previous-lesson">
              <span className="block text-sm text-slate-500 dark:text-slate-400">{t("previous")}</span>
              <span className="font-medium group-hover:underline">{previous.title}</span>
            </Link>
          ) : <span />}
          {next ? (
            <Link href={next.href} rel="next" className="group max-w-[45%] text-right" data-testid="next-lesson">
              <span className="block text-sm text-slate-500 dark:text-slate-400">{t("next")}</span>
              <span className="font-medium group-hover:underline">{next.title}</span>
            </Link>
          ) : (
            <Link href="/dashboard" className="text-right font-medium hover:underline">{t("theEnd")}</Link>
          )}
        </nav>
        <LessonKeyboardNav
          previous={previous ? localizedPath(previous.href, locale) : null}
          next={next ? localizedPath(next.href, locale) : null}
          tip={t.rich("keyboardTip", { kbd: (key) => <kbd className="rounded border px-1">{key}</kbd> })}
        />
      </main>
      <TableOfContents headings={headings} />
    </div>
  );
}
