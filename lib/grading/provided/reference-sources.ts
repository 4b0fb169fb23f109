/**
 * For trusted Node tools only (the command-line grader, the exercise tests): the reference
 * solutions of the exercises a provided piece comes from, standing in for a learner's own code.
 * Never imported by the browser grader or by a route that answers learners.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { providedExercises, type ProvidedSources } from "./pieces";

export function referenceSources(names: readonly string[] | undefined, root = process.cwd()): ProvidedSources {
  const sources: Record<string, string> = {};
  for (const exercise of providedExercises(names)) {
    sources[exercise] = readFileSync(path.join(root, "exercises", exercise, "solution.ts"), "utf8");
  }
  return sources;
}
