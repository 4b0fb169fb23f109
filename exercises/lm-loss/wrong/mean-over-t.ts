// Wrong: divides the summed loss by T instead of T - 1, the number of rows actually scored.
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
    const predicting = tf.slice(logits, [0, 0], [T - 1, vocab]);
    const targets = tf.oneHot(tf.tensor1d(tokenIds.slice(1), "int32"), vocab);
    // -log softmax(z)[y] = logSumExp(z) - z_y, which never exponentiates a large logit.
    const nll = tf.sub(tf.logSumExp(predicting, 1), tf.sum(tf.mul(predicting, targets), 1));
    return tf.div(tf.sum(nll), T) as tf.Scalar;
  });
}
