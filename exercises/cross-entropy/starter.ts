import * as tf from "@tensorflow/tfjs";

/**
 * Mean negative log-likelihood of the target tokens.
 * logits: [T, V], one row of scores per position; targets[t] in [0, V) is the token position t should predict.
 * Returns a scalar.
 */
export function crossEntropyLoss(logits: tf.Tensor2D, targets: number[]): tf.Scalar {
  // TODO: per row, log-sum-exp of the logits minus the target's logit; then average over the rows.
  return tf.scalar(0);
}
