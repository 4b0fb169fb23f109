/**
 * Server-side access to the quiz files. The files hold the answer key, so only the server reads
 * them: lesson pages pass `toPublicQuiz(quiz)` to the browser and the attempts route grades
 * against the full quiz. The files are read, validated and cached with the rest of the course (lib/course/course-index.ts).
 */
import "server-only";
import { courseIndex } from "../course/course-index";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";
import type { Quiz } from "./schema";

export { createQuizStore, isQuizId } from "./store";

/**
 * The full quiz (with its answer key) by id in a locale, or null when there is no such quiz.
 * A translation has the same ids and answers (the translation check enforces it), so attempts
 * are shared across languages; its typed answers also accept Chinese. A quiz with no
 * translation is the English one. Server only.
 */
export function getQuiz(id: string, locale: Locale = DEFAULT_LOCALE): Quiz | null {
  return courseIndex(locale).quizzes.get(id) ?? null;
}

/** The ids of every quiz file, sorted. */
export function listQuizIds(): string[] {
  return [...courseIndex().quizzes.keys()];
}
