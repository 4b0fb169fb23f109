// Wrong: normalises along axis 0 (down the columns) instead of the last axis.
import * as tf from "@tensorflow/tfjs";

export function softmax(logits: tf.Tensor, temperature = 1): tf.Tensor {
  return tf.tidy(() => {
    const scaled = tf.div(logits, temperature);
    const exps = tf.exp(tf.sub(scaled, tf.max(scaled, 0, true)));
    return tf.div(exps, tf.sum(exps, 0, true));
  });
}
