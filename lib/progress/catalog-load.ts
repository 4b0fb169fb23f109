/**
 * Reads the progress catalog from the repository: the course manifest, the lessons' MDX (for
 * headings), the quiz files and the exercise registry. Node only (scripts, tests, the server
 * through catalog-server.ts); framework-free.
 */
import { exercises as registry } from "../../exercises/registry";
import { DEFAULT_CONTENT_ROOT, loadManifest, readLessonSource, type CourseManifest } from "../content/course";
import { DEFAULT_PASS_PERCENT } from "../quiz/constants";
import { readAllQuizzes } from "../quiz/store";
import { buildCatalog, type CatalogExercise, type CatalogQuiz, type ProgressCatalog } from "./catalog";

/** The quizzes of `content/quizzes/`, summarised (an invalid file throws: the content check reports it first). */
export function readQuizSummaries(contentRoot = DEFAULT_CONTENT_ROOT): CatalogQuiz[] {
  return readAllQuizzes(contentRoot).map((quiz) => ({
    id: quiz.id,
    title: quiz.title,
    lesson: quiz.lesson,
    passPercent: quiz.passPercent ?? DEFAULT_PASS_PERCENT,
    questionCount: quiz.questions.length,
  }));
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
