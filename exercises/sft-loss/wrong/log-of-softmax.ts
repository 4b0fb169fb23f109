// WRONG: computes log(softmax(logits)) in two steps; a probability that underflows to 0 gives log(0) = -Infinity and an infinite loss.
import * as tf from "@tensorflow/tfjs";

export function sftLoss(logits: tf.Tensor2D, targets: number[], lossMask: number[]): tf.Scalar {
  const count = lossMask.reduce((a, b) => a + b, 0);
  if (count === 0) throw new Error("lossMask has no response tokens");
  return tf.tidy(() => {
    const logProbs = tf.log(tf.softmax(logits));
    const picked = tf.sum(tf.mul(logProbs, tf.oneHot(tf.tensor1d(targets, "int32"), logits.shape[1])), 1);
    return tf.div(tf.sum(tf.mul(tf.neg(picked), tf.tensor1d(lossMask))), count) as tf.Scalar;
  });
}
