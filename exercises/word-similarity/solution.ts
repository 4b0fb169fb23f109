import * as tf from "@tensorflow/tfjs";

/**
 * The cosine of the angle between vectors `a` and `b` (same length, neither all zeros),
 * as a scalar tensor between -1 and 1.
 */
export function cosineSimilarity(a: tf.Tensor1D, b: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    // For two 1-D tensors tf.dot returns a scalar: sum_i a_i * b_i.
    const dot = tf.dot(a, b);
    // tf.norm is the Euclidean length sqrt(sum_i x_i^2). Dividing by both lengths
    // removes the vectors' sizes and leaves only the angle between them.
    return tf.div(dot, tf.mul(tf.norm(a), tf.norm(b))) as tf.Scalar;
  });
}
