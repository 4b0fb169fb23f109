/**
 * Hints one at a time and the reference solution, as the server hands them out. A lesson page
 * carries only how many hints an exercise has; each hint is fetched when the learner asks for it.
 * For a signed-in learner hint n+1 is served only once hint n has been, the first view of every
 * hint and of the solution is recorded (ExerciseHelpView, for the instructor's timeline, and the
 * counters on ExerciseProgress), and the solution requires sign-in. Framework-free (takes db).
 */
import { z } from "zod";
import type { PrismaClient } from "../db/create-client";
import { HttpError } from "../http/errors";
import { requireExercise } from "./catalog";
import { recordHintsRevealed, recordSolutionViewed, getProgress, type ExerciseProgressView } from "./progress";

export interface HintAnswer {
  /** 1-based. */
  number: number;
  total: number;
  /** The hint rendered to a hast tree (Markdown + KaTeX), turned into elements by the page. */
  content: unknown;
  /** The signed-in learner's progress after this view (null when signed out). */
  progress: ExerciseProgressView | null;
}

export interface HintSource {
  count(exerciseId: string): Promise<number>;
  /** Hint `number` (1-based) of the exercise, rendered. */
  render(exerciseId: string, number: number): Promise<unknown>;
}

export function hintRequestSchema(total: number) {
  return z
    .object({
      number: z
        .number({ message: "number must be the hint's number (1 for the first)" })
        .int("number must be a whole number")
        .min(1, "number must be at least 1")
        .max(total, `this exercise has ${total} hints`),
    })
    .strict();
}

async function recordView(db: PrismaClient, userId: string, exerciseId: string, kind: "HINT" | "SOLUTION", hint: number): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "ExerciseHelpView" ("userId", "exerciseId", "kind", "hint") VALUES (${userId}, ${exerciseId}, ${kind}::"HelpKind", ${hint})
    ON CONFLICT ("userId", "exerciseId", "kind", "hint") DO NOTHING`;
}

export async function serveHint(db: PrismaClient, userId: string | null, exerciseId: string, body: unknown, hints: HintSource): Promise<HintAnswer> {
  requireExercise(exerciseId);
  const total = await hints.count(exerciseId);
  const { number } = hintRequestSchema(total).parse(body);
  let progress: ExerciseProgressView | null = null;
  if (userId) {
    const current = await getProgress(db, userId, exerciseId);
    if (number > current.hintsUsed + 1) {
      throw new HttpError(422, `Hints come one at a time: ask for hint ${current.hintsUsed + 1} before hint ${number}.`);
    }
    if (number > current.hintsUsed) {
      await recordView(db, userId, exerciseId, "HINT", number);
      progress = await recordHintsRevealed(db, userId, exerciseId, number);
    } else progress = current;
  }
  return { number, total, content: await hints.render(exerciseId, number), progress };
}

export async function serveSolution(
  db: PrismaClient,
  userId: string | null,
  exerciseId: string,
  readSolution: (exerciseId: string) => Promise<string>,
): Promise<{ solution: string; progress: ExerciseProgressView }> {
  requireExercise(exerciseId);
  if (!userId) throw new HttpError(401, "Sign in to see the reference solution: viewing it is noted in your progress, so your instructor knows which exercises you solved on your own.");
  // Recorded first: if recording fails, nothing is revealed.
  await recordView(db, userId, exerciseId, "SOLUTION", 0);
  const progress = await recordSolutionViewed(db, userId, exerciseId);
  return { solution: await readSolution(exerciseId), progress };
}
