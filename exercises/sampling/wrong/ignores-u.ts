// Wrong: sampleToken always returns the most likely token (greedy), whatever u is.
import * as tf from "@tensorflow/tfjs";

/** Keeps the k largest logits where they are and sets every other logit to -Infinity. */
export function filterTopK(logits: tf.Tensor1D, k: number): tf.Tensor1D {
  return tf.tidy(() => {
    const n = logits.shape[0];
    const { indices } = tf.topk(logits, Math.min(k, n));
    // A 0/1 mask with a 1 at each of the k winning positions, in the original order.
    const keep = tf.sum(tf.oneHot(indices, n), 0);
    return tf.where(tf.greater(keep, 0), logits, tf.fill([n], -Infinity)) as tf.Tensor1D;
  });
}

/**
 * Nucleus (top-p) filtering of a probability vector: keeps the smallest set of most likely
 * tokens whose probabilities add up to at least p, zeroes the rest, and renormalises.
 */
export function filterTopP(probs: tf.Tensor1D, p: number): tf.Tensor1D {
  const n = probs.shape[0];
  const values = probs.dataSync();
  const order = Array.from(values.keys()).sort((a, b) => values[b] - values[a] || a - b);
  const kept = new Float32Array(n);
  let total = 0;
  for (const id of order) {
    // The token that makes the total reach p is kept: that is what "reaches p" means.
    kept[id] = values[id];
    total += values[id];
    if (total >= p) break;
  }
  // If rounding keeps the total just below p (p = 1, say), every token has been kept.
  return tf.tidy(() => tf.div(tf.tensor1d(kept), total) as tf.Tensor1D);
}

/** Inverse-CDF sampling: the first id whose cumulative probability exceeds u (0 <= u < 1). */
export function sampleToken(probs: tf.Tensor1D, u: number): number {
  const values = Array.from(probs.dataSync());
  return values.indexOf(Math.max(...values));
}
