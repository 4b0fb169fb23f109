// WRONG: averages 1 - sigmoid(d) (a probability of error) instead of -log sigmoid(d), so equal rewards give 0.5, not ln 2.
import * as tf from "@tensorflow/tfjs";

export function pairwiseRankingLoss(chosen: tf.Tensor1D, rejected: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.sub(1, tf.sigmoid(tf.sub(chosen, rejected)))) as tf.Scalar);
}
