/**
 * Exercise ids the server accepts: exactly the ones in exercises/registry.ts. Every API and
 * every file read goes through here first, so an id never becomes a path unless it is known.
 */
import { findExercise, type ExerciseEntry } from "../../exercises/registry";
import { HttpError } from "../http/errors";

export function requireExercise(id: string): ExerciseEntry {
  const entry = findExercise(id);
  if (!entry) throw new HttpError(404, `There is no exercise called "${id.slice(0, 80)}".`);
  return entry;
}

/** The per-run time limit in the browser (meta.timeLimitMs, default 5 s). */
export const DEFAULT_TIME_LIMIT_MS = 5000;
