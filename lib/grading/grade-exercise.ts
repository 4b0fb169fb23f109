/**
 * Grades learner source for an exercise id in a trusted Node tool (the command-line grader, the
 * exercise tests): looks the exercise up in the registry, loads its spec and runs it. Pieces the
 * exercise imports from "@academy/provided" come from `providedSources` when given, else from
 * the reference solutions of the exercises they belong to (Node-only: never in a browser bundle).
 */
import { findExercise } from "./exercise-code";
import type { ProvidedSources } from "./provided/pieces";
import { referenceSources } from "./provided/reference-sources";
import type { GradingLocale } from "./messages";
import { gradeSource } from "./run";
import type { GradeReport, Tf } from "./types";

export class UnknownExerciseError extends Error {
  constructor(readonly id: string) {
    super(`Unknown exercise "${id}"`);
    this.name = "UnknownExerciseError";
  }
}

export async function gradeExercise(opts: { id: string; source: string; tf: Tf; providedSources?: ProvidedSources; locale?: GradingLocale }): Promise<GradeReport> {
  const entry = findExercise(opts.id);
  if (!entry) throw new UnknownExerciseError(opts.id);
  const locale = opts.locale ?? "en";
  const [spec, text] = await Promise.all([entry.loadSpec(), entry.loadText(locale)]);
  const names = entry.meta.provided;
  const provided = names ? { names, sources: opts.providedSources ?? referenceSources(names) } : undefined;
  return gradeSource({ spec, source: opts.source, tf: opts.tf, provided, locale, text });
}
