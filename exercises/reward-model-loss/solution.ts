import * as tf from "@tensorflow/tfjs";

/**
 * The reward model's pairwise ranking loss over a batch of comparisons.
 * chosen[i], rejected[i]: the reward model's scores for the answer people preferred
 * and for the one they ranked lower, for the same prompt. Returns a scalar.
 */
export function pairwiseRankingLoss(chosen: tf.Tensor1D, rejected: tf.Tensor1D): tf.Scalar {
  if (chosen.shape[0] !== rejected.shape[0]) {
    throw new Error(`chosen has ${chosen.shape[0]} scores but rejected has ${rejected.shape[0]}; they must pair up`);
  }
  return tf.tidy(() => {
    // -log(sigmoid(d)) = log(1 + e^(-d)) = softplus(-d), with d = chosen - rejected.
    // tf.softplus is computed stably: softplus(1000) is 1000, not log(Infinity), and
    // softplus(-1000) is 0, where log(sigmoid(...)) would first round sigmoid to 0.
    const margin = tf.sub(chosen, rejected);
    return tf.mean(tf.softplus(tf.neg(margin))) as tf.Scalar;
  });
}
