// WRONG: uses rejected - chosen, so the loss rewards the model for preferring the answer people ranked lower.
import * as tf from "@tensorflow/tfjs";

export function pairwiseRankingLoss(chosen: tf.Tensor1D, rejected: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.softplus(tf.sub(chosen, rejected))) as tf.Scalar);
}
