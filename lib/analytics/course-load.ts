/**
 * Reads the course outline from the repository (Node only: scripts, tests, benchmarks and the
 * server through course-server.ts). Quiz questions come from the quiz store (lib/quiz/store.ts),
 * the same reader as the catalog's: a quiz is in both or, if its file is broken, the read throws.
 */
import { DEFAULT_CONTENT_ROOT } from "../content/course";
import type { CourseManifest } from "../content/course";
import { quizStore } from "../quiz/store";
import { loadProgressCatalog } from "../progress/catalog-load";
import type { ProgressCatalog } from "../progress/catalog";
import { buildOutline, type CourseOutline, type OutlineQuestion } from "./course";

export function readQuizQuestions(quizId: string, contentRoot = DEFAULT_CONTENT_ROOT): OutlineQuestion[] {
  const quiz = quizStore(contentRoot).getQuiz(quizId);
  return quiz ? quiz.questions.map((q) => ({ id: q.id, prompt: q.prompt, type: q.type })) : [];
}

export function outlineFromCatalog(catalog: ProgressCatalog, contentRoot = DEFAULT_CONTENT_ROOT): CourseOutline {
  return buildOutline(catalog, (id) => readQuizQuestions(id, contentRoot));
}

export function loadCourseOutline(manifest?: CourseManifest, contentRoot = DEFAULT_CONTENT_ROOT): CourseOutline {
  return outlineFromCatalog(loadProgressCatalog(manifest, contentRoot), contentRoot);
}
