// WRONG: sums over axis 0 (the batch) instead of axis 1 (the tokens), mixing different answers together.
import * as tf from "@tensorflow/tfjs";

export function rlhfReward(reward: tf.Tensor1D, logpPolicy: tf.Tensor2D, logpRef: tf.Tensor2D, beta: number): tf.Tensor1D {
  return tf.tidy(() => tf.sub(reward, tf.mul(beta, tf.sum(tf.sub(logpPolicy, logpRef), 0))) as tf.Tensor1D);
}
