// WRONG: treats token ids as 1-based (reads row id - 1), so every token gets its neighbour's vector.
import * as tf from "@tensorflow/tfjs";

export function embed(tokenIds: number[], table: tf.Tensor2D): tf.Tensor2D {
  const vocabSize = table.shape[0];
  for (const id of tokenIds) {
    if (!Number.isInteger(id) || id < 0 || id >= vocabSize) {
      throw new Error(`token id ${id} is out of range for a vocabulary of ${vocabSize}`);
    }
  }
  return tf.tidy(() => tf.gather(table, tf.tensor1d(tokenIds.map((id) => Math.max(id - 1, 0)), "int32")));
}
