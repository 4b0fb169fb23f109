/**
 * The progress catalog: what in the course can be progressed through (lessons, coding exercises,
 * quizzes), identified by the stable ids progress rows store. Plain, serialisable data: the
 * server builds it from the content (lib/course/course-index.ts) and passes it to the
 * anonymous dashboard in the browser, so both sides count progress with the same functions.
 * Framework-free, no Node imports.
 */
import { uniqueIds } from "../content/headings";

import type { ContentTrack } from "./track";
export type { ContentTrack };

export interface CatalogHeading {
  id: string;
  text: string;
}

export interface CatalogLesson {
  slug: string;
  title: string;
  chapter: string;
  chapterNumber: number;
  chapterTitle: string;
  order: number;
  href: string;
  track: ContentTrack;
  /** Ids of the coding exercises placed in this lesson that exist in the exercise registry. */
  exercises: string[];
  quiz?: string;
  /** h2/h3 anchors of the lesson (for "continue at <section>"). */
  headings: CatalogHeading[];
}

export interface CatalogChapter {
  slug: string;
  number: number;
  title: string;
  /** Lesson slugs in course order. */
  lessons: string[];
}

export interface CatalogExercise {
  id: string;
  title: string;
  lesson: string;
}

export interface CatalogQuiz {
  id: string;
  title: string;
  lesson: string;
  /** Percent of the maximum score needed to pass (0-100). */
  passPercent: number;
  questionCount: number;
}

export interface ProgressCatalog {
  chapters: CatalogChapter[];
  /** Every lesson, in course order. */
  lessons: CatalogLesson[];
  exercises: CatalogExercise[];
  quizzes: CatalogQuiz[];
}

/** The parts of the course manifest (lib/content/course.ts) the catalog needs. */
export interface ManifestLike {
  chapters: { slug: string; number: number; title: string; lessons: { slug: string }[] }[];
  /** `exercises`: every id the lesson places (the catalog keeps those the registry knows). */
  lessons: Omit<CatalogLesson, "headings">[];
}

export interface CatalogSources {
  manifest: ManifestLike;
  /** Exercise registry entries (id, title, lesson). */
  exercises: CatalogExercise[];
  /** Valid quiz files. */
  quizzes: CatalogQuiz[];
  /** MDX source of a lesson (for its headings); omit to leave headings empty. */
  lessonSource?: (slug: string) => string | undefined;
}

/**
 * Builds the catalog. An exercise counts when it is in the registry AND its lesson is in the
 * course; a quiz counts when its file is valid AND its lesson is in the course. Lessons list
 * only such exercises, so counts never include an item a learner cannot reach.
 */
export function buildCatalog({ manifest, exercises, quizzes, lessonSource }: CatalogSources): ProgressCatalog {
  const lessonSlugs = new Set(manifest.lessons.map((l) => l.slug));
  const exerciseById = new Map(exercises.filter((e) => lessonSlugs.has(e.lesson)).map((e) => [e.id, e]));
  const quizById = new Map(quizzes.filter((q) => lessonSlugs.has(q.lesson)).map((q) => [q.id, q]));

  const lessons: CatalogLesson[] = manifest.lessons.map((l) => {
    const source = lessonSource?.(l.slug);
    // Exercises: those the lesson places, then registry exercises that name this lesson but
    // that the frontmatter forgot (so they are still counted somewhere).
    const own = l.exercises.filter((id) => exerciseById.has(id));
    for (const e of exerciseById.values()) if (e.lesson === l.slug && !own.includes(e.id)) own.push(e.id);
    const quiz = l.quiz && quizById.has(l.quiz) ? l.quiz : [...quizById.values()].find((q) => q.lesson === l.slug)?.id;
    return {
      slug: l.slug,
      title: l.title,
      chapter: l.chapter,
      chapterNumber: l.chapterNumber,
      chapterTitle: l.chapterTitle,
      order: l.order,
      href: l.href,
      track: l.track,
      exercises: own,
      ...(quiz ? { quiz } : {}),
      headings: source ? lessonHeadings(source) : [],
    };
  });

  // An exercise or quiz placed in two lessons counts once: keep the first placement.
  const seenExercises = new Set<string>();
  const seenQuizzes = new Set<string>();
  for (const lesson of lessons) {
    lesson.exercises = lesson.exercises.filter((id) => {
      if (seenExercises.has(id)) return false;
      seenExercises.add(id);
      return true;
    });
    if (lesson.quiz) {
      if (seenQuizzes.has(lesson.quiz)) delete lesson.quiz;
      else seenQuizzes.add(lesson.quiz);
    }
  }

  return {
    chapters: manifest.chapters.map((c) => ({ slug: c.slug, number: c.number, title: c.title, lessons: c.lessons.map((l) => l.slug) })),
    lessons,
    // In course order, as the dashboard lists them.
    exercises: lessons.flatMap((l) => l.exercises.map((id) => exerciseById.get(id)!)),
    quizzes: lessons.flatMap((l) => (l.quiz ? [quizById.get(l.quiz)!] : [])),
  };
}

/** Plain text of a heading's inline MDX: tags, links, code marks, emphasis and math delimiters dropped. */
function headingText(markdown: string): string {
  return markdown
    .replace(/<[^>]+>/g, "")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*$]/g, "")
    .replace(/\\[a-zA-Z]+/g, "")
    .replace(/[{}]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The h2/h3 headings of a lesson's MDX source with the ids the renderer gives them
 * (lib/content/headings.ts). Read from the source, so a heading with math or markup may get a
 * slightly different id than the rendered page; callers use the text only as a label and
 * fall back to none when an id is not found.
 */
export function lessonHeadings(source: string): CatalogHeading[] {
  const lines = source.split(/\r?\n/);
  let i = 0;
  if (lines[0]?.trim() === "---") i = lines.findIndex((line, k) => k > 0 && line.trim() === "---") + 1;
  const found: { depth: 2 | 3; text: string }[] = [];
  let fence: string | null = null;
  for (; i < lines.length; i++) {
    const line = lines[i];
    const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      if (fence === null) fence = fenceMatch[1][0];
      else if (fenceMatch[1][0] === fence) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const heading = /^(#{2,3})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) found.push({ depth: heading[1].length as 2 | 3, text: headingText(heading[2]) });
  }
  const headings = uniqueIds(found).map(({ id, text }) => ({ id, text }));
  // The <Recap> component (components/mdx/recap.tsx) renders its own heading with this id.
  if (/<Recap[\s>]/.test(source)) headings.push({ id: RECAP_HEADING_ID, text: "Recap" });
  return headings;
}

export const RECAP_HEADING_ID = "recap-heading";

/** Lookups over a catalog, built once per use site. */
export interface CatalogIndex {
  lesson: Map<string, CatalogLesson>;
  exercise: Map<string, CatalogExercise>;
  quiz: Map<string, CatalogQuiz>;
}

export function indexCatalog(catalog: ProgressCatalog): CatalogIndex {
  return {
    lesson: new Map(catalog.lessons.map((l) => [l.slug, l])),
    exercise: new Map(catalog.exercises.map((e) => [e.id, e])),
    quiz: new Map(catalog.quizzes.map((q) => [q.id, q])),
  };
}
