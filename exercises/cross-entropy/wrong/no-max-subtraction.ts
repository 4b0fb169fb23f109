// Wrong: computes log(sum(exp(logits))) directly; exp(1000) overflows to Infinity and the loss becomes NaN.
import * as tf from "@tensorflow/tfjs";

export function crossEntropyLoss(logits: tf.Tensor2D, targets: number[]): tf.Scalar {
  return tf.tidy(() => {
    const logNormaliser = tf.log(tf.sum(tf.exp(logits), 1));
    const oneHot = tf.oneHot(tf.tensor1d(targets, "int32"), logits.shape[1]);
    const targetLogits = tf.sum(tf.mul(logits, oneHot), 1);
    return tf.mean(tf.sub(logNormaliser, targetLogits)) as tf.Scalar;
  });
}
