import "server-only";
import { cache } from "react";
import matter from "gray-matter";
import { notFound } from "next/navigation";
import { DEFAULT_CONTENT_ROOT, loadManifest, readLessonSource, type LessonMeta } from "./course";
import { compileLesson } from "./compile";

/** The only way pages read content. Cached per request (React cache) and per process. */
let manifest: ReturnType<typeof loadManifest> | undefined;
export const getManifest = cache(() => {
  // Content does not change while a production server runs; in development re-read it each request.
  if (process.env.NODE_ENV !== "production") return loadManifest(DEFAULT_CONTENT_ROOT);
  manifest ??= loadManifest(DEFAULT_CONTENT_ROOT);
  return manifest;
});

export interface LoadedLesson {
  meta: LessonMeta;
  code: string;
  headings: Awaited<ReturnType<typeof compileLesson>>["headings"];
  previous: LessonMeta | null;
  next: LessonMeta | null;
}

/** A lesson by chapter and slug; calls notFound() on a miss. */
export const getLesson = cache(async (chapter: string, slug: string): Promise<LoadedLesson> => {
  const { lessons } = getManifest();
  const meta = lessons.find((l) => l.chapter === chapter && l.slug === slug);
  if (!meta) notFound();
  const { content } = matter(readLessonSource(DEFAULT_CONTENT_ROOT, meta.file));
  const compiled = await compileLesson(content);
  return {
    meta,
    ...compiled,
    previous: lessons[meta.index - 1] ?? null,
    next: lessons[meta.index + 1] ?? null,
  };
});
