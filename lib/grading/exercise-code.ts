/**
 * The exercises' code for the graders: each exercise's spec and its translated test texts,
 * loaded on demand from exercises/registry.ts (static dynamic imports, so bundlers see every
 * spec). This is the one module of lib/ that imports exercises/ (eslint.config.mjs forbids the
 * rest, decision 038): the exercises' metadata comes from the course index
 * (lib/course/course-index.ts), and only grading needs the code, which by nature is written
 * against lib/grading (defineSpec) and run by it.
 */
import { exercises, findExercise } from "../../exercises/registry";
import type { ExerciseSpec } from "./types";

export { exercises as exerciseEntries, findExercise };

/** The spec of an exercise, or null when there is no such exercise. */
export async function loadExerciseSpec(id: string): Promise<ExerciseSpec | null> {
  const entry = findExercise(id);
  return entry ? entry.loadSpec() : null;
}
