import * as tf from "@tensorflow/tfjs";

/**
 * The next-token loss of a language model on one sequence.
 * logits: [T, vocab], row t scores the token that follows position t; tokenIds: the T ids of the sequence.
 * Row t is scored against tokenIds[t + 1]; the last row has nothing to predict. Returns the mean over T - 1 rows.
 */
export function lmLoss(logits: tf.Tensor2D, tokenIds: number[]): tf.Scalar {
  // TODO: drop the last row, take targets tokenIds[1..], mean negative log-softmax of the targets
  return tf.scalar(0);
}
