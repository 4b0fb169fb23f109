// Wrong: subtracts the maximum of the whole tensor, not of each row; a row far below that maximum underflows to 0 / 0 = NaN.
import * as tf from "@tensorflow/tfjs";

export function softmax(logits: tf.Tensor, temperature = 1): tf.Tensor {
  return tf.tidy(() => {
    const scaled = tf.div(logits, temperature);
    const exps = tf.exp(tf.sub(scaled, tf.max(scaled)));
    return tf.div(exps, tf.sum(exps, -1, true));
  });
}
