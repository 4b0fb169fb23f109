// WRONG: averages the log-ratio over the tokens instead of summing it, so long answers drift for free.
import * as tf from "@tensorflow/tfjs";

export function rlhfReward(reward: tf.Tensor1D, logpPolicy: tf.Tensor2D, logpRef: tf.Tensor2D, beta: number): tf.Tensor1D {
  return tf.tidy(() => tf.sub(reward, tf.mul(beta, tf.mean(tf.sub(logpPolicy, logpRef), 1))) as tf.Tensor1D);
}
