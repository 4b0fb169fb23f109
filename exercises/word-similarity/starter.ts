import * as tf from "@tensorflow/tfjs";

/**
 * The cosine of the angle between vectors `a` and `b` (same length, neither all zeros),
 * as a scalar tensor between -1 and 1.
 */
export function cosineSimilarity(a: tf.Tensor1D, b: tf.Tensor1D): tf.Scalar {
  // TODO: the dot product of a and b, divided by the product of their lengths.
  throw new Error("Not implemented yet");
}
