// WRONG: sums the per-pair losses instead of averaging them, so the loss (and step size) grows with the batch.
import * as tf from "@tensorflow/tfjs";

export function pairwiseRankingLoss(chosen: tf.Tensor1D, rejected: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.sum(tf.softplus(tf.sub(rejected, chosen))) as tf.Scalar);
}
