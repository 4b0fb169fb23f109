// Wrong: multiplies the logits by the temperature, so a high temperature sharpens instead of flattening.
import * as tf from "@tensorflow/tfjs";

export function softmax(logits: tf.Tensor, temperature = 1): tf.Tensor {
  return tf.tidy(() => {
    const scaled = tf.mul(logits, temperature);
    const exps = tf.exp(tf.sub(scaled, tf.max(scaled, -1, true)));
    return tf.div(exps, tf.sum(exps, -1, true));
  });
}
