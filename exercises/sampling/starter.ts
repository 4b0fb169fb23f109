import * as tf from "@tensorflow/tfjs";

/** Keeps the k largest logits where they are and sets every other logit to -Infinity. */
export function filterTopK(logits: tf.Tensor1D, k: number): tf.Tensor1D {
  // TODO: find the k largest (tf.topk), keep those positions, -Infinity elsewhere
  return logits.clone();
}

/**
 * Nucleus (top-p) filtering of a probability vector: keeps the smallest set of most likely
 * tokens whose probabilities add up to at least p, zeroes the rest, and renormalises.
 */
export function filterTopP(probs: tf.Tensor1D, p: number): tf.Tensor1D {
  // TODO: sort by probability, add up until the total reaches p, keep those, renormalise
  return probs.clone();
}

/** Inverse-CDF sampling: the first id whose cumulative probability exceeds u (0 <= u < 1). */
export function sampleToken(probs: tf.Tensor1D, u: number): number {
  // TODO: walk the cumulative sum of probs
  return 0;
}
