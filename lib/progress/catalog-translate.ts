/**
 * The progress catalog in another language: the same ids, hrefs, order and heading anchors as the
 * English one (progress rows and section anchors are shared by every language), with the
 * translated titles laid over it. Anything without a translation keeps its English title.
 * Framework-free, no Node imports.
 */
import type { ProgressCatalog } from "./catalog";

export interface CatalogTitles {
  /** By lesson slug: the title and, in order, the texts of its h2/h3 headings. */
  lessons: Map<string, { title: string; chapterTitle: string; headings: string[] }>;
  chapters: Map<string, string>;
  exercises: Map<string, string>;
  quizzes: Map<string, string>;
}

export function translateCatalog(english: ProgressCatalog, titles: CatalogTitles): ProgressCatalog {
  return {
    ...english,
    chapters: english.chapters.map((c) => ({ ...c, title: titles.chapters.get(c.slug) ?? c.title })),
    lessons: english.lessons.map((lesson) => {
      const translated = titles.lessons.get(lesson.slug);
      if (!translated) return lesson;
      // A current translation keeps the English structure, so its headings pair up by position
      // (the lesson page gives them the English anchors the same way); otherwise keep the English.
      const pairs = translated.headings.length === lesson.headings.length;
      return {
        ...lesson,
        title: translated.title,
        chapterTitle: translated.chapterTitle,
        headings: pairs ? lesson.headings.map((h, i) => ({ id: h.id, text: translated.headings[i] })) : lesson.headings,
      };
    }),
    exercises: english.exercises.map((e) => ({ ...e, title: titles.exercises.get(e.id) ?? e.title })),
    quizzes: english.quizzes.map((q) => ({ ...q, title: titles.quizzes.get(q.id) ?? q.title })),
  };
}
