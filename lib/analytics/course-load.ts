/**
 * Reads the course outline from the repository (Node only: scripts, tests, benchmarks and the
 * server through course-server.ts). Quiz questions come from the quiz files; a file that does
 * not validate is already left out of the catalog (the content check reports it).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_CONTENT_ROOT } from "../content/course";
import type { CourseManifest } from "../content/course";
import { validateQuiz } from "../quiz/schema";
import { loadProgressCatalog } from "../progress/catalog-load";
import type { ProgressCatalog } from "../progress/catalog";
import { buildOutline, type CourseOutline, type OutlineQuestion } from "./course";

export function readQuizQuestions(quizId: string, contentRoot = DEFAULT_CONTENT_ROOT): OutlineQuestion[] {
  try {
    const json: unknown = JSON.parse(readFileSync(path.join(contentRoot, "quizzes", `${quizId}.json`), "utf8"));
    const result = validateQuiz(json);
    if (!result.ok) return [];
    return result.quiz.questions.map((q) => ({ id: q.id, prompt: q.prompt, type: q.type }));
  } catch {
    return [];
  }
}

export function outlineFromCatalog(catalog: ProgressCatalog, contentRoot = DEFAULT_CONTENT_ROOT): CourseOutline {
  return buildOutline(catalog, (id) => readQuizQuestions(id, contentRoot));
}

export function loadCourseOutline(manifest?: CourseManifest, contentRoot = DEFAULT_CONTENT_ROOT): CourseOutline {
  return outlineFromCatalog(loadProgressCatalog(manifest, contentRoot), contentRoot);
}
