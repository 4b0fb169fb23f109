/**
 * The course as the instructor dashboard needs it: lessons, coding exercises and quizzes (with
 * their questions) in course order, and the columns of the progress matrix. Plain data, built
 * from the progress catalog (lib/progress/catalog.ts) so the dashboard counts exactly what a
 * learner's own dashboard counts. Framework-free, no Node imports.
 */
import type { ProgressCatalog } from "../progress/catalog";

import type { ContentTrack } from "../progress/track";
export type { ContentTrack };

export interface OutlineLesson {
  slug: string;
  title: string;
  chapterNumber: number;
  chapterTitle: string;
  href: string;
  track: ContentTrack;
  exercises: string[];
  quiz?: string;
}

export interface OutlineExercise {
  id: string;
  title: string;
  lesson: string;
}

export interface OutlineQuestion {
  id: string;
  /** The question as written (inline Markdown). */
  prompt: string;
  type: string;
}

export interface OutlineQuiz {
  id: string;
  title: string;
  lesson: string;
  passPercent: number;
  questions: OutlineQuestion[];
}

export interface CourseOutline {
  lessons: OutlineLesson[];
  exercises: OutlineExercise[];
  quizzes: OutlineQuiz[];
}

export type ItemKind = "lesson" | "exercise" | "quiz";

export interface MatrixColumn {
  kind: ItemKind;
  id: string;
  title: string;
  /** A few characters for the narrow column header ("L4", "E7", "Q2"). */
  short: string;
  /** The lesson the item belongs to. */
  lesson: string;
  chapterNumber: number;
}

/**
 * Builds the outline from the progress catalog and the quiz questions (by quiz id). Exercises and
 * quizzes are put in course order (their lesson's position, then their place in the lesson), so
 * every table of the dashboard reads in the order learners meet them.
 */
export function buildOutline(catalog: ProgressCatalog, questionsOf: (quizId: string) => OutlineQuestion[]): CourseOutline {
  const position = new Map<string, number>();
  catalog.lessons.forEach((lesson, i) => {
    lesson.exercises.forEach((id, j) => position.set(`exercise:${id}`, i * 1000 + j));
    if (lesson.quiz) position.set(`quiz:${lesson.quiz}`, i * 1000 + 999);
  });
  const at = (key: string) => position.get(key) ?? Number.MAX_SAFE_INTEGER;
  return {
    lessons: catalog.lessons.map((l) => ({
      slug: l.slug,
      title: l.title,
      chapterNumber: l.chapterNumber,
      chapterTitle: l.chapterTitle,
      href: l.href,
      track: l.track,
      exercises: [...l.exercises],
      ...(l.quiz ? { quiz: l.quiz } : {}),
    })),
    exercises: catalog.exercises
      .map((e) => ({ id: e.id, title: e.title, lesson: e.lesson }))
      .sort((a, b) => at(`exercise:${a.id}`) - at(`exercise:${b.id}`)),
    quizzes: catalog.quizzes
      .map((q) => ({ id: q.id, title: q.title, lesson: q.lesson, passPercent: q.passPercent, questions: questionsOf(q.id) }))
      .sort((a, b) => at(`quiz:${a.id}`) - at(`quiz:${b.id}`)),
  };
}

/**
 * Matrix columns in course order: each lesson, then the exercises it holds, then its quiz.
 * Numbered per kind ("L1".."L20", "E1".."E17", "Q1".."Q5").
 */
export function matrixColumns(outline: CourseOutline): MatrixColumn[] {
  const exercise = new Map(outline.exercises.map((e) => [e.id, e]));
  const quiz = new Map(outline.quizzes.map((q) => [q.id, q]));
  const columns: MatrixColumn[] = [];
  const counters = { lesson: 0, exercise: 0, quiz: 0 };
  const prefix = { lesson: "L", exercise: "E", quiz: "Q" } as const;
  const push = (kind: ItemKind, id: string, title: string, lesson: OutlineLesson) => {
    counters[kind] += 1;
    columns.push({ kind, id, title, short: `${prefix[kind]}${counters[kind]}`, lesson: lesson.slug, chapterNumber: lesson.chapterNumber });
  };
  for (const lesson of outline.lessons) {
    push("lesson", lesson.slug, lesson.title, lesson);
    for (const id of lesson.exercises) {
      const e = exercise.get(id);
      if (e) push("exercise", e.id, e.title, lesson);
    }
    if (lesson.quiz) {
      const q = quiz.get(lesson.quiz);
      if (q) push("quiz", q.id, q.title, lesson);
    }
  }
  return columns;
}

/** Plain text of a question's inline Markdown (for tables and CSV). */
export function plainPrompt(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*`]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
