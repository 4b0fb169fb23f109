/**
 * Server-side access to the quiz files. The files hold the answer key, so only the server reads
 * them: lesson pages pass `toPublicQuiz(quiz)` to the browser and the attempts route grades
 * against the full quiz. The reading, caching and validation are lib/quiz/store.ts.
 */
import "server-only";
import path from "node:path";
import { DEFAULT_CONTENT_ROOT } from "../content/course";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";
import { quizStore } from "./store";
import type { Quiz } from "./schema";

export { createQuizStore, isQuizId } from "./store";

const storeFor = (locale: Locale) => (locale === DEFAULT_LOCALE ? quizStore() : quizStore(path.join(DEFAULT_CONTENT_ROOT, locale), { translated: true }));

/**
 * The full quiz (with its answer key) by id in a locale, or null when there is no such quiz.
 * A translation has the same ids and answers (the translation check enforces it), so attempts
 * are shared across languages; its typed answers also accept Chinese. Server only.
 */
export function getQuiz(id: string, locale: Locale = DEFAULT_LOCALE): Quiz | null {
  return storeFor(locale).getQuiz(id) ?? (locale === DEFAULT_LOCALE ? null : quizStore().getQuiz(id));
}

/** The ids of every quiz file, sorted. */
export function listQuizIds(): string[] {
  return quizStore().listQuizIds();
}
