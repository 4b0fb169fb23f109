import * as tf from "@tensorflow/tfjs";

/**
 * The reward the RL step maximises, per sampled answer.
 * reward: [B], the reward model's score for each answer.
 * logpPolicy, logpRef: [B, T], the log-probability of each generated token under the
 * model being trained and under the frozen SFT (reference) model.
 * Returns [B].
 */
export function rlhfReward(
  reward: tf.Tensor1D,
  logpPolicy: tf.Tensor2D,
  logpRef: tf.Tensor2D,
  beta: number,
): tf.Tensor1D {
  const [batch, tokens] = logpPolicy.shape;
  if (logpRef.shape[0] !== batch || logpRef.shape[1] !== tokens || reward.shape[0] !== batch) {
    throw new Error(
      `shapes do not match: reward [${reward.shape}], logpPolicy [${logpPolicy.shape}], logpRef [${logpRef.shape}]`,
    );
  }
  return tf.tidy(() => {
    // log(pi(y_t) / pi_ref(y_t)) per token; summed over the answer it is the log of the
    // ratio of the whole sequence's probabilities, a one-sample estimate of the KL
    // divergence between the policy and the reference model.
    const logRatio = tf.sub(logpPolicy, logpRef);
    const klEstimate = tf.sum(logRatio, 1); // [B]: sum over tokens, never over the batch
    return tf.sub(reward, tf.mul(beta, klEstimate)) as tf.Tensor1D;
  });
}
