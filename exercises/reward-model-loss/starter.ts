import * as tf from "@tensorflow/tfjs";

/**
 * The reward model's pairwise ranking loss over a batch of comparisons.
 * chosen[i], rejected[i]: the reward model's scores for the answer people preferred
 * and for the one they ranked lower, for the same prompt. Returns a scalar.
 */
export function pairwiseRankingLoss(chosen: tf.Tensor1D, rejected: tf.Tensor1D): tf.Scalar {
  // TODO: the mean over pairs of -log(sigmoid(chosen - rejected)), computed stably
  return tf.scalar(0);
}
