import * as tf from "@tensorflow/tfjs";

/**
 * Scaled dot-product attention.
 * q: [queries, dK], k: [keys, dK], v: [keys, dV], mask: [queries, keys] (1 = may attend, 0 = blocked).
 * Returns weights [queries, keys] (rows sum to 1) and output = weights · v, [queries, dV].
 */
export function attention(
  q: tf.Tensor2D,
  k: tf.Tensor2D,
  v: tf.Tensor2D,
  mask?: tf.Tensor2D,
): { output: tf.Tensor2D; weights: tf.Tensor2D } {
  // TODO: scores = q · kᵀ / sqrt(dK); block masked scores; softmax over keys; multiply by v.
  throw new Error("Not implemented yet");
}
