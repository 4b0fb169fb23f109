import * as tf from "@tensorflow/tfjs";

/**
 * Mean next-token cross-entropy over the response tokens of one training example.
 * logits: [T, vocab], one row per position; targets: the T correct next-token ids;
 * lossMask: T entries, 1 = response token (counts), 0 = prompt token (ignored).
 */
export function sftLoss(logits: tf.Tensor2D, targets: number[], lossMask: number[]): tf.Scalar {
  const [positions, vocab] = logits.shape;
  if (targets.length !== positions || lossMask.length !== positions) {
    throw new Error(
      `logits has ${positions} rows but targets has ${targets.length} entries and lossMask ${lossMask.length}; they must match`,
    );
  }
  const responseTokens = lossMask.reduce((sum, m) => sum + m, 0);
  if (responseTokens === 0) {
    throw new Error("lossMask is all zeros: the example has no response tokens to learn from");
  }
  return tf.tidy(() => {
    // logSoftmax computes log p stably (log-sum-exp with the max subtracted), so even a
    // confidently wrong prediction gives a large finite loss rather than log(0) = -Infinity.
    const logProbs = tf.logSoftmax(logits); // [T, vocab]
    // Pick log p(target) in each row: multiply by a one-hot row and sum it.
    const targetLogProbs = tf.sum(tf.mul(logProbs, tf.oneHot(tf.tensor1d(targets, "int32"), vocab)), 1); // [T]
    // Zero out the prompt positions, then divide by the number of response tokens only.
    const maskedLoss = tf.mul(tf.neg(targetLogProbs), tf.tensor1d(lossMask));
    return tf.div(tf.sum(maskedLoss), responseTokens) as tf.Scalar;
  });
}
