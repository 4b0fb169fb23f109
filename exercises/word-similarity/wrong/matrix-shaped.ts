// Wrong: computes the right number but returns it as a [1, 1] matrix instead of a scalar.
import * as tf from "@tensorflow/tfjs";

export function cosineSimilarity(a: tf.Tensor1D, b: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const dot = tf.matMul(tf.reshape(a, [1, -1]), tf.reshape(b, [-1, 1]));
    return tf.div(dot, tf.mul(tf.norm(a), tf.norm(b))) as unknown as tf.Scalar;
  });
}
