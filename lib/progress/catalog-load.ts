/**
 * Reads the progress catalog from the repository: the course manifest, the lessons' MDX (for
 * headings), the quiz files and the exercise registry. Node only (scripts, tests, the server
 * through catalog-server.ts); framework-free.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { exercises as registry } from "../../exercises/registry";
import { DEFAULT_CONTENT_ROOT, loadManifest, readLessonSource, type CourseManifest } from "../content/course";
import { DEFAULT_PASS_PERCENT, validateQuiz } from "../quiz/schema";
import { buildCatalog, type CatalogExercise, type CatalogQuiz, type ProgressCatalog } from "./catalog";

/** Valid quiz files of `content/quizzes/`; an invalid file is left out (the content check reports it). */
export function readQuizSummaries(contentRoot = DEFAULT_CONTENT_ROOT): CatalogQuiz[] {
  const dir = path.join(contentRoot, "quizzes");
  if (!existsSync(dir)) return [];
  const quizzes: CatalogQuiz[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".json")).sort()) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path.join(dir, name), "utf8"));
    } catch {
      continue;
    }
    const result = validateQuiz(json);
    if (!result.ok) continue;
    const { quiz } = result;
    quizzes.push({
      id: quiz.id,
      title: quiz.title,
      lesson: quiz.lesson,
      passPercent: quiz.passPercent ?? DEFAULT_PASS_PERCENT,
      questionCount: quiz.questions.length,
    });
  }
  return quizzes;
}

export function registryExercises(): CatalogExercise[] {
  return registry.map((e) => ({ id: e.meta.id, title: e.meta.title, lesson: e.meta.lesson }));
}

export function loadProgressCatalog(manifest?: CourseManifest, contentRoot = DEFAULT_CONTENT_ROOT): ProgressCatalog {
  const course = manifest ?? loadManifest(contentRoot);
  const files = new Map(course.lessons.map((l) => [l.slug, l.file]));
  return buildCatalog({
    manifest: course,
    exercises: registryExercises(),
    quizzes: readQuizSummaries(contentRoot),
    lessonSource: (slug) => {
      const file = files.get(slug);
      return file ? readLessonSource(contentRoot, file) : undefined;
    },
  });
}
