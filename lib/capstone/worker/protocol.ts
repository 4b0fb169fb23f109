/** Messages between the training page and its worker (lib/capstone/worker/train.worker.ts). */
import type { PiecePlan } from "../plan";
import type { PieceFault, PieceId } from "../pieces";
import type { SamplingOptions } from "../sampling";
import type { TrainingSettings } from "../settings";

export type PieceSources = Partial<Record<PieceId, string>>;

export interface CurvePoint {
  step: number;
  /** Mean training loss of the steps since the previous point. */
  train: number;
  validation: number;
}

export interface TrainingSample {
  step: number;
  text: string;
}

export type RunStatus = "measuring" | "training" | "paused" | "done" | "stopped";

/** A run's problem as data, for the page to say in its language (components/capstone/problem-text.ts). */
export type RunProblemCode =
  | { code: "piece"; fault: PieceFault }
  | { code: "nanPiece"; step: number; fault: PieceFault }
  | { code: "nanLearningRate"; step: number }
  | { code: "slowPiece"; seconds: string; percent: number }
  | { code: "slowModel"; seconds: string }
  | { code: "stopped"; error: string }
  /** The page's own: the worker itself died, or did not answer a request. */
  | { code: "workerStopped" }
  | { code: "noAnswer" };

export interface RunProblem {
  /** The learner piece to blame, when there is one. */
  piece?: PieceId;
  /** In English (a run saved before `says` existed has only this). */
  message: string;
  says?: RunProblemCode;
}

/** Everything the page shows about the run: the worker sends a fresh one whenever it changes. */
export interface RunView {
  /** Random, per run: the server records a run's summary once per id. */
  runId: string;
  settings: TrainingSettings;
  plan: PiecePlan;
  status: RunStatus;
  backend: string;
  /** ms per step of each backend timed when the run started (empty when only one was available). */
  backendTimings: Record<string, number>;
  parameters: number;
  step: number;
  elapsedMs: number;
  lastLoss: number | null;
  stepsPerSecond: number | null;
  tokensPerSecond: number | null;
  curve: CurvePoint[];
  samples: TrainingSample[];
  bigramBaseline: number;
  problem: RunProblem | null;
}

export type PageToWorker =
  | { type: "start"; settings: TrainingSettings; pieces: PieceSources }
  | { type: "pause" }
  | { type: "resume" }
  | { type: "reset" }
  | { type: "generate"; requestId: number; prompt: string; length: number; sampling: SamplingOptions }
  | { type: "attention"; requestId: number; text: string };

export interface AttentionMaps {
  tokens: string[];
  /** [layer][head][query][key] */
  weights: number[][][][];
}

export type WorkerToPage =
  | { type: "run"; run: RunView | null }
  | { type: "generated"; requestId: number; text: string }
  | { type: "attention"; requestId: number; maps: AttentionMaps }
  | { type: "failed"; requestId?: number; message: string; problem?: RunProblem };
