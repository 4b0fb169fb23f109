// Wrong: the row sums lose their last axis (no keepDims), so they broadcast across columns instead of rows.
import * as tf from "@tensorflow/tfjs";

export function softmax(logits: tf.Tensor, temperature = 1): tf.Tensor {
  return tf.tidy(() => {
    const scaled = tf.div(logits, temperature);
    const exps = tf.exp(tf.sub(scaled, tf.max(scaled, -1, true)));
    return tf.div(exps, tf.sum(exps, -1));
  });
}
