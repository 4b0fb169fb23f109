/**
 * The pieces of the capstone GPT a learner may have written, each an earlier exercise whose
 * passing code the training page can plug in. Order: the panel's order, small to large.
 */
export const PIECE_IDS = [
  "softmax",
  "causal-mask",
  "scaled-dot-product-attention",
  "multi-head-attention",
  "layer-norm",
  "feed-forward",
  "gpt-block",
  "gpt-logits",
  "lm-loss",
] as const;

export type PieceId = (typeof PIECE_IDS)[number];

export interface PieceInfo {
  id: PieceId;
  /** The function the exercise's module exports. */
  exportName: string;
  /** How the panel and error messages name it. */
  label: string;
}

export const PIECES: Record<PieceId, PieceInfo> = {
  softmax: { id: "softmax", exportName: "softmax", label: "softmax" },
  "causal-mask": { id: "causal-mask", exportName: "causalMask", label: "causal mask" },
  "scaled-dot-product-attention": { id: "scaled-dot-product-attention", exportName: "attention", label: "scaled dot-product attention" },
  "multi-head-attention": { id: "multi-head-attention", exportName: "multiHeadAttention", label: "multi-head attention" },
  "layer-norm": { id: "layer-norm", exportName: "layerNorm", label: "layer norm" },
  "feed-forward": { id: "feed-forward", exportName: "feedForward", label: "feed-forward network" },
  "gpt-block": { id: "gpt-block", exportName: "gptBlock", label: "GPT block" },
  "gpt-logits": { id: "gpt-logits", exportName: "gptLogits", label: "GPT forward pass (gpt-logits)" },
  "lm-loss": { id: "lm-loss", exportName: "lmLoss", label: "language-model loss" },
};

export const isPieceId = (value: string): value is PieceId => (PIECE_IDS as readonly string[]).includes(value);

/** A piece that stopped training: named, so the page can offer to switch it to built-in. */
/** What is wrong with a learner piece, as data: the page says it in its own language (the message stays English, for logs and tests). */
export type PieceFault =
  | { code: "didNotLoad" | "threw"; error: string }
  | { code: "notTensor"; what: string }
  | { code: "wrongShape"; shape: string; expected: string }
  | { code: "nonFinite" };

export class PieceError extends Error {
  constructor(
    readonly piece: PieceId,
    message: string,
    readonly fault?: PieceFault,
  ) {
    super(message);
    this.name = "PieceError";
  }
}
