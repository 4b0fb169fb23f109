// Wrong: sums the per-position losses instead of averaging them, so the loss grows with the sequence length.
import * as tf from "@tensorflow/tfjs";

export function crossEntropyLoss(logits: tf.Tensor2D, targets: number[]): tf.Scalar {
  return tf.tidy(() => {
    const oneHot = tf.oneHot(tf.tensor1d(targets, "int32"), logits.shape[1]);
    const perPosition = tf.sub(tf.logSumExp(logits, 1), tf.sum(tf.mul(logits, oneHot), 1));
    return tf.sum(perPosition) as tf.Scalar;
  });
}
