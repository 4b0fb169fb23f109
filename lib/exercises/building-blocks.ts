/**
 * The sources behind "@academy/provided" for one signed-in learner and one exercise: for each
 * earlier exercise a piece comes from, the learner's own code from their latest passing run, or
 * the reference solution when they have opened it (so they already hold it). Anything else is
 * missing, and the grader tells them which exercise to pass first. Nothing here ever returns a
 * solution the learner has not asked for. Framework-free (takes db); Node-only.
 */
import type { PrismaClient } from "../db/create-client";
import { PROVIDED_PIECES, providedExercises } from "../grading/provided/pieces";
import { requireExercise } from "./catalog";

export interface BuildingBlock {
  /** The exported function, e.g. "layerNorm". */
  piece: string;
  /** The exercise it comes from. */
  exercise: string;
  title: string;
  /** Where the source came from; null when the learner has neither passed it nor opened its solution. */
  from: "your-passing-run" | "solution-you-opened" | null;
  source: string | null;
}

export async function buildingBlocksFor(
  db: PrismaClient,
  userId: string,
  exerciseId: string,
  readSolution: (exerciseId: string) => Promise<string>,
): Promise<BuildingBlock[]> {
  const names = requireExercise(exerciseId).provided ?? [];
  const sources = new Map<string, Pick<BuildingBlock, "from" | "source">>();
  for (const exercise of providedExercises(names)) {
    // The latest passing run: the learner's newest working version.
    const run = await db.exerciseAttempt.findFirst({
      where: { userId, exerciseId: exercise, passed: true },
      orderBy: { createdAt: "desc" },
      select: { code: true },
    });
    if (run) {
      sources.set(exercise, { from: "your-passing-run", source: run.code });
      continue;
    }
    const progress = await db.exerciseProgress.findUnique({
      where: { userId_exerciseId: { userId, exerciseId: exercise } },
      select: { solutionViewedAt: true },
    });
    sources.set(exercise, progress?.solutionViewedAt ? { from: "solution-you-opened", source: await readSolution(exercise) } : { from: null, source: null });
  }
  return names.map((piece) => {
    const { exercise, title } = PROVIDED_PIECES[piece];
    return { piece, exercise, title, ...sources.get(exercise)! };
  });
}
