/**
 * Compiles the learner's passing code for each piece into the function the assembly calls, with
 * the same compiler (and the same "@academy/provided" pieces) as the grader. Runs in the training
 * worker and in Node.
 */
import { findExercise } from "@/exercises/registry";
import { compileLearnerModule } from "@/lib/grading/compile";
import { pickProvided } from "@/lib/grading/grade-exercise";
import * as providedModule from "@/lib/grading/provided";
import type { Tf } from "@/lib/grading/types";
import type { LearnerFunction, LearnerPieces } from "./assemble";
import { PIECES, isPieceId } from "./pieces";
import type { PieceSources, RunProblem } from "./worker/protocol";

export function compilePieces(tf: Tf, sources: PieceSources): { pieces: LearnerPieces } | { problem: RunProblem } {
  const pieces: LearnerPieces = {};
  for (const [id, source] of Object.entries(sources)) {
    if (!isPieceId(id) || typeof source !== "string") continue;
    const info = PIECES[id];
    const provided = pickProvided(providedModule as unknown as Record<string, unknown>, findExercise(id)?.meta.provided);
    const result = compileLearnerModule({ source, tf, exports: [info.exportName], provided });
    if (!result.ok) return { problem: { piece: id, message: `Your ${info.label} did not load: ${result.error.message}` } };
    pieces[id] = result.exports[info.exportName] as LearnerFunction;
  }
  return { pieces };
}
