// Correct too: tf.logSoftmax over all rows, then the target's entry picked with tf.gather per row, in plain JavaScript.
import * as tf from "@tensorflow/tfjs";

export function lmLoss(logits: tf.Tensor2D, tokenIds: number[]): tf.Scalar {
  return tf.tidy(() => {
    const logProbs = tf.logSoftmax(logits);
    const picked: tf.Tensor[] = [];
    for (let t = 0; t + 1 < tokenIds.length; t++) {
      picked.push(tf.gather(tf.gather(logProbs, t), tokenIds[t + 1]));
    }
    return tf.neg(tf.mean(tf.stack(picked))) as tf.Scalar;
  });
}
