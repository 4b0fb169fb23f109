// WRONG: uses the unbiased (sample) variance, dividing by dModel - 1 instead of dModel.
import * as tf from "@tensorflow/tfjs";

export function layerNorm(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps = 1e-5): tf.Tensor2D {
  return tf.tidy(() => {
    const d = x.shape[1];
    const centred = tf.sub(x, tf.mean(x, 1, true));
    const variance = tf.div(tf.sum(tf.square(centred), 1, true), d - 1);
    return tf.add(tf.mul(tf.div(centred, tf.sqrt(tf.add(variance, eps))), gamma), beta) as tf.Tensor2D;
  });
}
