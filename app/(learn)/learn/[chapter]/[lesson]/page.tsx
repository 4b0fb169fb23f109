import type { Metadata } from "next";
import Link from "next/link";
import { getLesson, getManifest } from "@/lib/content/loader";
import { LessonBody } from "@/components/lesson/lesson-body";
import { LessonSidebar } from "@/components/lesson/lesson-sidebar";
import { TableOfContents } from "@/components/lesson/table-of-contents";
import { LessonCompletion } from "@/components/lesson/lesson-completion";
import { LessonKeyboardNav } from "@/components/lesson/lesson-keyboard-nav";

// Every lesson is generated at build time; an unknown URL is a 404, never a render attempt.
export const dynamicParams = false;

export function generateStaticParams() {
  return getManifest().lessons.map((l) => ({ chapter: l.chapter, lesson: l.slug }));
}

type Params = { params: Promise<{ chapter: string; lesson: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { chapter, lesson } = await params;
  const { meta } = await getLesson(chapter, lesson);
  return { title: meta.title, description: meta.summary };
}

export default async function LessonPage({ params }: Params) {
  const { chapter, lesson } = await params;
  const { meta, code, headings, previous, next } = await getLesson(chapter, lesson);
  const chapterInfo = getManifest().chapters.find((c) => c.slug === meta.chapter)!;

  return (
    <div className="mx-auto flex max-w-7xl gap-8 px-4">
      <LessonSidebar chapter={chapterInfo} currentSlug={meta.slug} />
      <main className="min-w-0 flex-1 py-10" data-lesson={meta.slug}>
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500 dark:text-slate-400">
          <Link href="/learn" className="hover:underline">Course</Link> <span aria-hidden="true">/</span> Chapter {meta.chapterNumber}: {meta.chapterTitle}
        </nav>
        <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">{meta.title}</h1>
        <p className="mt-3 text-lg text-slate-600 dark:text-slate-300">{meta.summary}</p>
        <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">
          About {meta.minutes} minutes{meta.exercises.length > 0 && ` · ${meta.exercises.length} coding exercise${meta.exercises.length > 1 ? "s" : ""} (builder track)`}
        </p>

        <section aria-labelledby="you-will-learn" className="mt-8 rounded-xl border border-indigo-200 bg-indigo-50/50 p-5 dark:border-indigo-900 dark:bg-indigo-950/30">
          <h2 id="you-will-learn" className="font-semibold">You will learn</h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {meta.objectives.map((o) => <li key={o}>{o}</li>)}
          </ul>
        </section>

        <article className="mt-8 max-w-3xl">
          <LessonBody code={code} />
        </article>

        <LessonCompletion slug={meta.slug} />

        <nav aria-label="Lesson navigation" className="mt-10 flex max-w-3xl justify-between gap-4 border-t border-slate-200 pt-6 dark:border-slate-800">
          {previous ? (
            <Link href={previous.href} rel="prev" className="group max-w-[45%]" data-testid="previous-lesson">
              <span className="block text-sm text-slate-500 dark:text-slate-400">← Previous</span>
              <span className="font-medium group-hover:underline">{previous.title}</span>
            </Link>
          ) : <span />}
          {next ? (
            <Link href={next.href} rel="next" className="group max-w-[45%] text-right" data-testid="next-lesson">
              <span className="block text-sm text-slate-500 dark:text-slate-400">Next →</span>
              <span className="font-medium group-hover:underline">{next.title}</span>
            </Link>
          ) : (
            <Link href="/dashboard" className="text-right font-medium hover:underline">You reached the end: see your progress →</Link>
          )}
        </nav>
        <LessonKeyboardNav previous={previous?.href ?? null} next={next?.href ?? null} />
      </main>
      <TableOfContents headings={headings} />
    </div>
  );
}
