/**
 * The training page's words for what went wrong, from the "capstone" messages: a run's problem
 * says what happened as data (lib/capstone/worker/protocol.ts RunProblemCode), and this puts it
 * in the page's language. A problem without that data (a run saved by an older version) shows
 * its English message.
 */
import type { PieceFault, PieceId } from "@/lib/capstone/pieces";
import type { RunProblem } from "@/lib/capstone/worker/protocol";

/** A next-intl translator of the "capstone" namespace. */
export type CapstoneTranslate = (key: string, values?: Record<string, string | number>) => string;

export const pieceLabel = (t: CapstoneTranslate, id: PieceId) => t(`piece.${id}`);

function faultText(t: CapstoneTranslate, piece: string, fault: PieceFault): string {
  switch (fault.code) {
    case "didNotLoad":
    case "threw":
      return t(`problem.${fault.code}`, { piece, error: fault.error });
    case "notTensor":
      return t("problem.notTensor", { piece, what: fault.what });
    case "wrongShape":
      return t("problem.wrongShape", { piece, shape: fault.shape, expected: fault.expected });
    case "nonFinite":
      return t("problem.nonFinite", { piece });
  }
}

export function problemText(t: CapstoneTranslate, problem: RunProblem): string {
  const says = problem.says;
  if (!says) return problem.message;
  const piece = problem.piece ? pieceLabel(t, problem.piece) : "";
  switch (says.code) {
    case "piece":
      return faultText(t, piece, says.fault);
    case "nanPiece":
      return t("problem.nanPiece", { step: says.step, fault: faultText(t, piece, says.fault) });
    case "nanLearningRate":
      return t("problem.nanLearningRate", { step: says.step });
    case "slowPiece":
      return t("problem.slowPiece", { seconds: says.seconds, piece, percent: says.percent });
    case "slowModel":
      return t("problem.slowModel", { seconds: says.seconds });
    case "stopped":
      return t("problem.stopped", { error: says.error });
    case "workerStopped":
    case "noAnswer":
      return t(says.code);
  }
}

/** A request to the trainer (generate, attention) that failed, with its problem. */
export class TrainerRequestError extends Error {
  constructor(readonly problem: RunProblem) {
    super(problem.message);
    this.name = "TrainerRequestError";
  }
}
