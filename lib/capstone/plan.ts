/**
 * Which code runs for each piece. A learner's larger piece contains the smaller ones (the capstone
 * exercises are self-contained: decision 014), so once their gpt-block runs, their attention code
 * inside it is what attends, and the separate softmax exercise is not called at all.
 */
import { PIECE_IDS, type PieceId } from "./pieces";

export type PieceRole = { kind: "yours" } | { kind: "built-in" } | { kind: "inside"; of: PieceId };

export type PiecePlan = Record<PieceId, PieceRole>;

/** What each larger piece contains. */
const CONTAINS: Partial<Record<PieceId, PieceId[]>> = {
  "gpt-logits": ["gpt-block", "multi-head-attention", "scaled-dot-product-attention", "softmax", "causal-mask", "layer-norm", "feed-forward"],
  "gpt-block": ["multi-head-attention", "scaled-dot-product-attention", "softmax", "causal-mask", "feed-forward"],
  "multi-head-attention": ["scaled-dot-product-attention", "softmax"],
  "scaled-dot-product-attention": ["softmax"],
};

/** From largest to smallest, so a container claims its contents before they are looked at. */
const LARGEST_FIRST: PieceId[] = ["gpt-logits", "gpt-block", "multi-head-attention", "scaled-dot-product-attention", "layer-norm", "feed-forward", "causal-mask", "softmax", "lm-loss"];

export function planPieces(learnerPieces: ReadonlySet<PieceId>): PiecePlan {
  const plan = {} as PiecePlan;
  for (const id of LARGEST_FIRST) {
    if (plan[id]) continue;
    if (!learnerPieces.has(id)) {
      plan[id] = { kind: "built-in" };
      continue;
    }
    plan[id] = { kind: "yours" };
    for (const inner of CONTAINS[id] ?? []) plan[inner] ??= { kind: "inside", of: id };
  }
  return Object.fromEntries(PIECE_IDS.map((id) => [id, plan[id]])) as PiecePlan;
}

/** The learner pieces that actually run. */
export function piecesInUse(plan: PiecePlan): PieceId[] {
  return PIECE_IDS.filter((id) => plan[id].kind === "yours");
}
