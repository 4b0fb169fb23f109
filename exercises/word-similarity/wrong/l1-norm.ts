// Wrong: uses the sum of absolute values (the L1 norm) as the length instead of the Euclidean length.
import * as tf from "@tensorflow/tfjs";

export function cosineSimilarity(a: tf.Tensor1D, b: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.div(tf.dot(a, b), tf.mul(tf.sum(tf.abs(a)), tf.sum(tf.abs(b)))) as tf.Scalar);
}
