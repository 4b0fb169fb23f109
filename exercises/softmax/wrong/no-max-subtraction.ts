// Wrong: the textbook formula with no max-subtraction; exp(1000) overflows to Infinity and the result is NaN.
import * as tf from "@tensorflow/tfjs";

export function softmax(logits: tf.Tensor, temperature = 1): tf.Tensor {
  return tf.tidy(() => {
    const exps = tf.exp(tf.div(logits, temperature));
    return tf.div(exps, tf.sum(exps, -1, true));
  });
}
