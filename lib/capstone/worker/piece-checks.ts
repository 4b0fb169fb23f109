/**
 * Naming the learner piece behind a bad run: a NaN/Infinity loss is re-run with every learner
 * output checked; a run that is too slow blames the piece that took the most time.
 */
import { assembleModel, type LearnerPieces } from "../assemble";
import { PIECES, PieceError, type PieceId } from "../pieces";
import type { Trainer } from "../trainer";
import type { RunProblem } from "./protocol";

const SWITCH_HINT = "Switch it to built-in and start again, or fix it in its exercise.";

export function diagnoseNonFinite(learner: LearnerPieces, trainer: Trainer): RunProblem {
  try {
    const loss = assembleModel(learner, { checkFinite: true }).loss(trainer.weights, trainer.validationBatch());
    loss.dispose();
  } catch (error) {
    if (error instanceof PieceError) {
      const says = error.fault ? { code: "nanPiece" as const, step: trainer.step, fault: error.fault } : undefined;
      return { piece: error.piece, message: `The loss became NaN at step ${trainer.step}. ${error.message} ${SWITCH_HINT}`, says };
    }
  }
  return {
    message: `The loss became NaN at step ${trainer.step} although every piece gave finite numbers: the learning rate is probably too high for these settings.`,
    says: { code: "nanLearningRate", step: trainer.step },
  };
}

/** A step slower than this, three times running, stops the run (a learner piece is to blame when one runs). */
export const SLOW_STEP_MS = 10_000;
/** A single step slower than this stops it at once. */
export const VERY_SLOW_STEP_MS = 30_000;

export class SlowPieceWatch {
  private slowSteps = 0;

  constructor(
    private readonly timings: Partial<Record<PieceId, number>>,
    private readonly inUse: readonly PieceId[],
  ) {}

  /** Called after each step with its duration; a problem when the run should stop. */
  check(stepMs: number): RunProblem | null {
    this.slowSteps = stepMs > SLOW_STEP_MS ? this.slowSteps + 1 : 0;
    const tooSlow = this.slowSteps >= 3 || stepMs > VERY_SLOW_STEP_MS;
    const slowest = this.inUse.reduce<PieceId | null>((best, id) => ((this.timings[id] ?? 0) > (best ? (this.timings[best] ?? 0) : 0) ? id : best), null);
    const share = slowest ? (this.timings[slowest] ?? 0) / stepMs : 0;
    for (const id of Object.keys(this.timings) as PieceId[]) this.timings[id] = 0;
    if (!tooSlow) return null;
    const seconds = (stepMs / 1000).toFixed(1);
    if (slowest && share > 0.3) {
      const percent = Math.round(share * 100);
      return { piece: slowest, message: `Training stopped: a step took ${seconds} s and your ${PIECES[slowest].label} took ${percent}% of it. ${SWITCH_HINT}`, says: { code: "slowPiece", seconds, percent } };
    }
    return { message: `Training stopped: a step took ${seconds} s. Choose a smaller model (fewer layers, a narrower width or a shorter context).`, says: { code: "slowModel", seconds } };
  }
}
