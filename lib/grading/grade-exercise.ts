/**
 * Grades learner source for an exercise id: looks the exercise up in the registry,
 * loads its spec, hands it the reference pieces its meta.json allows, and runs it.
 * Shared by the command-line grader, the exercise tests and the browser worker.
 */
import { findExercise } from "../../exercises/registry";
import * as providedModule from "./provided";
import type { GradingLocale } from "./messages";
import { gradeSource } from "./run";
import type { GradeReport, Tf } from "./types";

export class UnknownExerciseError extends Error {
  constructor(readonly id: string) {
    super(`Unknown exercise "${id}"`);
    this.name = "UnknownExerciseError";
  }
}

/** The named pieces of `all` an exercise may import from "@academy/provided" (undefined when it lists none). */
export function pickProvided(all: Record<string, unknown>, names: readonly string[] | undefined): Record<string, unknown> | undefined {
  if (!names || names.length === 0) return undefined;
  const picked: Record<string, unknown> = {};
  for (const name of names) {
    if (!(name in all)) throw new Error(`@academy/provided has no export named "${name}" (check the exercise's meta.json)`);
    picked[name] = all[name];
  }
  return picked;
}

export async function gradeExercise(opts: { id: string; source: string; tf: Tf; locale?: GradingLocale }): Promise<GradeReport> {
  const entry = findExercise(opts.id);
  if (!entry) throw new UnknownExerciseError(opts.id);
  const locale = opts.locale ?? "en";
  const [spec, text] = await Promise.all([entry.loadSpec(), entry.loadText(locale)]);
  const provided = pickProvided(providedModule as unknown as Record<string, unknown>, entry.meta.provided);
  return gradeSource({ spec, source: opts.source, tf: opts.tf, provided, locale, text });
}
