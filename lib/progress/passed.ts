/**
 * The one rule for "this learner passed this exercise", for every view (the learner's card and
 * dashboard, the instructor's matrix, roster, timeline, item analysis and CSV exports):
 * the server verified a run that passed every test. ExerciseProgress.firstPassedAt is set from
 * verified passes only (lib/exercises/progress-refresh.ts), so it is the whole rule; the
 * browser's own claim (ExerciseAttempt.claimed*) never counts, and neither does a best of
 * 5/6 next to a later run's 1 test. Framework-free: the browser's local summary uses it too.
 */
export function isExercisePassed(progress: { firstPassedAt: Date | number | string | null | undefined }): boolean {
  return progress.firstPassedAt !== null && progress.firstPassedAt !== undefined;
}

/** The same rule in SQL, for an "ExerciseProgress" row aliased `alias` (a fixed identifier, never input). */
export function exercisePassedSql(alias: string): string {
  if (!/^[a-z_]+$/.test(alias)) throw new Error(`Not an SQL alias: ${alias}`);
  return `${alias}."firstPassedAt" IS NOT NULL`;
}
