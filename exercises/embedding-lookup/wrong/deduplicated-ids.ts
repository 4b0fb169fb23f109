// WRONG: removes repeated ids (via a Set), so "the cat saw the dog" loses its second "the" and the shape is wrong.
import * as tf from "@tensorflow/tfjs";

export function embed(tokenIds: number[], table: tf.Tensor2D): tf.Tensor2D {
  const vocabSize = table.shape[0];
  for (const id of tokenIds) {
    if (!Number.isInteger(id) || id < 0 || id >= vocabSize) {
      throw new Error(`token id ${id} is out of range for a vocabulary of ${vocabSize}`);
    }
  }
  const unique = [...new Set(tokenIds)];
  return tf.tidy(() => tf.gather(table, tf.tensor1d(unique, "int32")));
}
