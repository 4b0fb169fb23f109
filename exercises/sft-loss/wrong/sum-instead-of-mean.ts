// WRONG: sums the response-token losses instead of averaging them, so longer answers get larger losses.
import * as tf from "@tensorflow/tfjs";

export function sftLoss(logits: tf.Tensor2D, targets: number[], lossMask: number[]): tf.Scalar {
  if (lossMask.every((m) => m === 0)) throw new Error("lossMask has no response tokens");
  return tf.tidy(() => {
    const picked = tf.sum(tf.mul(tf.logSoftmax(logits), tf.oneHot(tf.tensor1d(targets, "int32"), logits.shape[1])), 1);
    return tf.sum(tf.mul(tf.neg(picked), tf.tensor1d(lossMask))) as tf.Scalar;
  });
}
