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
  // TODO: reward - beta * (sum over the tokens of logpPolicy - logpRef)
  return reward.clone();
}
