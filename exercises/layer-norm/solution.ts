import * as tf from "@tensorflow/tfjs";

/**
 * Normalises each row of x (one token's features) to mean 0 and variance 1,
 * then scales by gamma and shifts by beta (both [dModel], one value per feature).
 * x: [seq, dModel]. Returns [seq, dModel].
 */
export function layerNorm(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps = 1e-5): tf.Tensor2D {
  return tf.tidy(() => {
    // Statistics over the feature axis (1): each token is normalised on its own,
    // independently of the other tokens in the sequence. keepDims leaves [seq, 1]
    // so they broadcast back over the row.
    const mean = tf.mean(x, 1, true);
    const centred = tf.sub(x, mean);
    // The biased (population) variance: divide by dModel, not dModel - 1.
    const variance = tf.mean(tf.square(centred), 1, true);
    // eps goes inside the square root: it keeps a constant row (variance 0) finite.
    const normalised = tf.div(centred, tf.sqrt(tf.add(variance, eps)));
    return tf.add(tf.mul(normalised, gamma), beta) as tf.Tensor2D;
  });
}
