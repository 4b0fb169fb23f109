/**
 * Exercise ids the server accepts: exactly the exercise folders of the course index (their
 * meta.json, read and validated with the rest of the course: lib/course/course-index.ts).
 * Every API and every file read goes through here first, so an id never becomes a path unless
 * it is known.
 */
import { courseIndex } from "../course/course-index";
import type { ExerciseMeta } from "../grading/types";
import { HttpError } from "../http/errors";

export function requireExercise(id: string): ExerciseMeta {
  const meta = courseIndex().exercises.get(id);
  if (!meta) throw new HttpError(404, `There is no exercise called "${id.slice(0, 80)}".`);
  return meta;
}

/** The per-run time limit in the browser (meta.timeLimitMs, default 5 s). */
export const DEFAULT_TIME_LIMIT_MS = 5000;
