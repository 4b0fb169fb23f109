// Wrong: scores row t against tokenIds[t], the token the model has just read, instead of the next one.
import * as tf from "@tensorflow/tfjs";

/**
 * The next-token loss of a language model on one sequence.
 * logits: [T, vocab], row t scores the token that follows position t; tokenIds: the T ids of the sequence.
 * Row t is scored against tokenIds[t + 1]; the last row has nothing to predict. Returns the mean over T - 1 rows.
 */
export function lmLoss(logits: tf.Tensor2D, tokenIds: number[]): tf.Scalar {
  return tf.tidy(() => {
    const [T, vocab] = logits.shape;
    // The shift: rows 0..T-2 predict ids 1..T-1.
    const predicting = logits;
    void T;
    const targets = tf.oneHot(tf.tensor1d(tokenIds, "int32"), vocab);
    // -log softmax(z)[y] = logSumExp(z) - z_y, which never exponentiates a large logit.
    const nll = tf.sub(tf.logSumExp(predicting, 1), tf.sum(tf.mul(predicting, targets), 1));
    return tf.mean(nll) as tf.Scalar;
  });
}
