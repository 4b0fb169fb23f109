// Also correct: builds the dot product and both lengths from tf.mul, tf.sum and tf.sqrt.
import * as tf from "@tensorflow/tfjs";

export function cosineSimilarity(a: tf.Tensor1D, b: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const dot = tf.sum(tf.mul(a, b));
    const lengths = tf.mul(tf.sqrt(tf.sum(tf.square(a))), tf.sqrt(tf.sum(tf.square(b))));
    return tf.div(dot, lengths) as tf.Scalar;
  });
}
