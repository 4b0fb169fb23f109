// WRONG: adds beta before multiplying by gamma, (x̂ + beta) * gamma, so the shift gets scaled too.
import * as tf from "@tensorflow/tfjs";

export function layerNorm(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps = 1e-5): tf.Tensor2D {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(x, 1, true);
    const normalised = tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, eps)));
    return tf.mul(tf.add(normalised, beta), gamma) as tf.Tensor2D;
  });
}
