import * as tf from "@tensorflow/tfjs";

/**
 * Mean negative log-likelihood of the target tokens.
 * logits: [T, V], one row of scores per position; targets[t] in [0, V) is the token position t should predict.
 * Returns a scalar.
 */
export function crossEntropyLoss(logits: tf.Tensor2D, targets: number[]): tf.Scalar {
  return tf.tidy(() => {
    const vocabSize = logits.shape[1];
    // -log softmax(z)[y] = log(sum_v exp(z_v)) - z_y. tf.logSumExp subtracts the row maximum
    // before exponentiating, so it stays finite for logits of any size; nothing here takes
    // the log of a probability that may have underflowed to 0.
    const logNormaliser = tf.logSumExp(logits, 1); // [T]
    // A one-hot row picks out the target's logit: sum_v onehot_v * z_v = z_y.
    const oneHot = tf.oneHot(tf.tensor1d(targets, "int32"), vocabSize); // [T, V]
    const targetLogits = tf.sum(tf.mul(logits, oneHot), 1); // [T]
    // Average over positions so the loss does not grow with the sequence length.
    return tf.mean(tf.sub(logNormaliser, targetLogits)) as tf.Scalar;
  });
}
