import "server-only";
import { cache } from "react";
import path from "node:path";
import matter from "gray-matter";
import { notFound } from "next/navigation";
import { DEFAULT_CONTENT_ROOT, loadManifest, readLessonSource, type CourseManifest, type LessonMeta } from "./course";
import { compileLesson } from "./compile";
import { headingAnchors } from "./heading-anchors";
import { hashSource } from "./translations";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";

/** Where a locale's content lives: English at content/, a translation at content/<locale>/. */
export function contentRootFor(locale: Locale): string {
  return locale === DEFAULT_LOCALE ? DEFAULT_CONTENT_ROOT : path.join(DEFAULT_CONTENT_ROOT, locale);
}

/** The only way pages read content. Cached per request (React cache) and per process. */
const manifests = new Map<Locale, CourseManifest>();
export const getManifest = cache((locale: Locale = DEFAULT_LOCALE): CourseManifest => {
  const read = () => loadManifest(contentRootFor(locale), { translated: locale !== DEFAULT_LOCALE });
  // Content does not change while a production server runs; in development re-read it each request.
  if (process.env.NODE_ENV !== "production") return read();
  let manifest = manifests.get(locale);
  if (!manifest) manifests.set(locale, (manifest = read()));
  return manifest;
});

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
