// Wrong: returns the raw dot product without dividing by the vectors' lengths, so it depends on their sizes.
import * as tf from "@tensorflow/tfjs";

export function cosineSimilarity(a: tf.Tensor1D, b: tf.Tensor1D): tf.Scalar {
  return tf.dot(a, b) as tf.Scalar;
}
