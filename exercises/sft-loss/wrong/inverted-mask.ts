// WRONG: reads the mask the wrong way round (0 = counts), so it learns the prompt and ignores the response.
import * as tf from "@tensorflow/tfjs";

export function sftLoss(logits: tf.Tensor2D, targets: number[], lossMask: number[]): tf.Scalar {
  const inverted = lossMask.map((m) => 1 - m);
  const count = inverted.reduce((a, b) => a + b, 0);
  if (lossMask.every((m) => m === 0)) throw new Error("lossMask has no response tokens");
  return tf.tidy(() => {
    const picked = tf.sum(tf.mul(tf.logSoftmax(logits), tf.oneHot(tf.tensor1d(targets, "int32"), logits.shape[1])), 1);
    return tf.div(tf.sum(tf.mul(tf.neg(picked), tf.tensor1d(inverted))), Math.max(count, 1)) as tf.Scalar;
  });
}
