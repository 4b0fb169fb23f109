import "server-only";
import { cache } from "react";
import matter from "gray-matter";
import { notFound } from "next/navigation";
import { DEFAULT_CONTENT_ROOT, readLessonSource, type CourseManifest, type LessonMeta } from "./course";
import { compileLesson } from "./compile";
import { headingAnchors } from "./heading-anchors";
import { hashSource } from "./translations";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { contentRootFor, courseIndex } from "@/lib/course/course-index";

/** The chapters and lessons of a locale, from the course index (one read, one cache: decision 038). */
export const getManifest = cache((locale: Locale = DEFAULT_LOCALE): CourseManifest => courseIndex(locale).manifest);

export interface LoadedLesson {
  meta: LessonMeta;
  code: string;
  headings: Awaited<ReturnType<typeof compileLesson>>["headings"];
  previous: LessonMeta | null;
  next: LessonMeta | null;
  /** A translation made from an older English version: readers see a notice linking to the English. */
  stale: boolean;
}

/** A lesson by chapter and slug in a locale; calls notFound() on a miss. */
export const getLesson = cache(async (locale: Locale, chapter: string, slug: string): Promise<LoadedLesson> => {
  const { lessons } = getManifest(locale);
  const meta = lessons.find((l) => l.chapter === chapter && l.slug === slug);
  if (!meta) notFound();
  const { content } = matter(readLessonSource(contentRootFor(locale), meta.file));
  let stale = false;
  let anchorIds: string[] | undefined;
  if (locale !== DEFAULT_LOCALE) {
    const english = readLessonSource(DEFAULT_CONTENT_ROOT, meta.file);
    stale = meta.sourceHash !== hashSource(english);
    anchorIds = headingAnchors(matter(english).content);
  }
  const compiled = await compileLesson(content, anchorIds);
  return {
    meta,
    ...compiled,
    stale,
    previous: lessons[meta.index - 1] ?? null,
    next: lessons[meta.index + 1] ?? null,
  };
});
