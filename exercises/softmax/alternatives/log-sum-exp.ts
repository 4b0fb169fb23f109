// Also correct: exp(x - logSumExp(x)), with tf.logSumExp doing the max-subtraction.
import * as tf from "@tensorflow/tfjs";

export function softmax(logits: tf.Tensor, temperature = 1): tf.Tensor {
  return tf.tidy(() => {
    const scaled = tf.div(logits, temperature);
    return tf.exp(tf.sub(scaled, tf.logSumExp(scaled, -1, true)));
  });
}
