// WRONG: the range check uses `id > vocabSize`, so id === vocabSize (one past the last row) slips through.
import * as tf from "@tensorflow/tfjs";

export function embed(tokenIds: number[], table: tf.Tensor2D): tf.Tensor2D {
  const vocabSize = table.shape[0];
  for (const id of tokenIds) {
    if (id < 0 || id > vocabSize) {
      throw new Error(`token id ${id} is out of range for a vocabulary of ${vocabSize}`);
    }
  }
  return tf.tidy(() => tf.gather(table, tf.tensor1d(tokenIds, "int32")));
}
