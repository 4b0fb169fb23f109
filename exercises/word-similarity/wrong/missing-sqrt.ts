// Wrong: divides by the squared lengths (sum of squares) instead of the lengths; the square root is missing.
import * as tf from "@tensorflow/tfjs";

export function cosineSimilarity(a: tf.Tensor1D, b: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const dot = tf.dot(a, b);
    return tf.div(dot, tf.mul(tf.sum(tf.square(a)), tf.sum(tf.square(b)))) as tf.Scalar;
  });
}
