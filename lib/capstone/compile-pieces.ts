/**
 * Compiles the learner's passing code for each piece into the function the assembly calls, with
 * the grader's compiler. None of the pieces' exercises offers "@academy/provided" (decision 014),
 * so none is given here and the finished pieces in lib/grading/provided.ts stay out of this worker.
 * Runs in the training worker and in Node.
 */
import { compileLearnerModule } from "@/lib/grading/compile";
import type { Tf } from "@/lib/grading/types";
import type { LearnerFunction, LearnerPieces } from "./assemble";
import { PIECES, isPieceId } from "./pieces";
import type { PieceSources, RunProblem } from "./worker/protocol";

export function compilePieces(tf: Tf, sources: PieceSources): { pieces: LearnerPieces } | { problem: RunProblem } {
  const pieces: LearnerPieces = {};
  for (const [id, source] of Object.entries(sources)) {
    if (!isPieceId(id) || typeof source !== "string") continue;
    const info = PIECES[id];
    const result = compileLearnerModule({ source, tf, exports: [info.exportName] });
    if (!result.ok) {
      const fault = { code: "didNotLoad", error: result.error.message } as const;
      return { problem: { piece: id, message: `Your ${info.label} did not load: ${result.error.message}`, says: { code: "piece", fault } } };
    }
    pieces[id] = result.exports[info.exportName] as LearnerFunction;
  }
  return { pieces };
}
