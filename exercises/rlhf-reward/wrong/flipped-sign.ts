// WRONG: adds the penalty instead of subtracting it, which pays the policy for drifting away from the reference model.
import * as tf from "@tensorflow/tfjs";

export function rlhfReward(reward: tf.Tensor1D, logpPolicy: tf.Tensor2D, logpRef: tf.Tensor2D, beta: number): tf.Tensor1D {
  return tf.tidy(() => tf.add(reward, tf.mul(beta, tf.sum(tf.sub(logpPolicy, logpRef), 1))) as tf.Tensor1D);
}
