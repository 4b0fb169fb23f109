// Wrong: normalises only the first vector, so scaling b changes the result.
import * as tf from "@tensorflow/tfjs";

export function cosineSimilarity(a: tf.Tensor1D, b: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.div(tf.dot(a, b), tf.norm(a)) as tf.Scalar);
}
