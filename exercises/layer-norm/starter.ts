import * as tf from "@tensorflow/tfjs";

/**
 * Normalises each row of x (one token's features) to mean 0 and variance 1,
 * then scales by gamma and shifts by beta (both [dModel], one value per feature).
 * x: [seq, dModel]. Returns [seq, dModel].
 */
export function layerNorm(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps = 1e-5): tf.Tensor2D {
  // TODO: per-row mean and (biased) variance, then (x - mean) / sqrt(variance + eps) * gamma + beta
  return tf.zerosLike(x);
}
