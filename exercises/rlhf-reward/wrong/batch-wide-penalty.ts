// WRONG: sums the log-ratio over the whole batch and subtracts that from every sequence, so one answer's drift lowers every answer's reward.
import * as tf from "@tensorflow/tfjs";

export function rlhfReward(reward: tf.Tensor1D, logpPolicy: tf.Tensor2D, logpRef: tf.Tensor2D, beta: number): tf.Tensor1D {
  return tf.tidy(() => tf.sub(reward, tf.mul(beta, tf.sum(tf.sub(logpPolicy, logpRef)))) as tf.Tensor1D);
}
