/**
 * Server-side access to the quiz files. The files hold the answer key, so only the server reads
 * them: lesson pages pass `toPublicQuiz(quiz)` to the browser and the attempts route grades
 * against the full quiz. The reading, caching and validation are lib/quiz/store.ts.
 */
import "server-only";
import { quizStore } from "./store";
import type { Quiz } from "./schema";

export { createQuizStore, isQuizId } from "./store";

/** The full quiz (with its answer key) by id, or null when there is no such quiz. Server only. */
export function getQuiz(id: string): Quiz | null {
  return quizStore().getQuiz(id);
}

/** The ids of every quiz file, sorted. */
export function listQuizIds(): string[] {
  return quizStore().listQuizIds();
}
