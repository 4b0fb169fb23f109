// WRONG: never adds eps, so a row whose values are all equal divides 0 by 0 and becomes NaN.
import * as tf from "@tensorflow/tfjs";

export function layerNorm(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps = 1e-5): tf.Tensor2D {
  void eps;
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(x, 1, true);
    return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(variance)), gamma), beta) as tf.Tensor2D;
  });
}
