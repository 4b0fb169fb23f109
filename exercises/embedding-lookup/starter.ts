import * as tf from "@tensorflow/tfjs";

/**
 * Returns the embedding vector of each token id, in order.
 * tokenIds: length n; table: [vocabSize, dModel]. Returns [n, dModel].
 */
export function embed(tokenIds: number[], table: tf.Tensor2D): tf.Tensor2D {
  const dModel = table.shape[1];
  // TODO: check every id is in range, then gather the rows of `table` (see tf.gather).
  return tf.zeros([tokenIds.length, dModel]);
}
