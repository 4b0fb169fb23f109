// WRONG: adds eps to the standard deviation instead of to the variance: (x - mean) / (sqrt(var) + eps).
import * as tf from "@tensorflow/tfjs";

export function layerNorm(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps = 1e-5): tf.Tensor2D {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(x, 1, true);
    return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.add(tf.sqrt(variance), eps)), gamma), beta) as tf.Tensor2D;
  });
}
