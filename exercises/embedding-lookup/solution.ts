import * as tf from "@tensorflow/tfjs";

/**
 * Returns the embedding vector of each token id, in order.
 * tokenIds: length n; table: [vocabSize, dModel]. Returns [n, dModel].
 */
export function embed(tokenIds: number[], table: tf.Tensor2D): tf.Tensor2D {
  const vocabSize = table.shape[0];
  // Check the ids ourselves: the CPU backend's own error does not say which token was
  // wrong, and the WebGL backend does not check at all (it returns a row of zeros).
  tokenIds.forEach((id, position) => {
    if (!Number.isInteger(id)) {
      throw new Error(`token id ${id} at position ${position} is not a whole number`);
    }
    if (id < 0 || id >= vocabSize) {
      throw new Error(
        `token id ${id} at position ${position} is out of range for a vocabulary of ${vocabSize} (valid ids are 0 to ${vocabSize - 1})`,
      );
    }
  });
  return tf.tidy(() => {
    const indices = tf.tensor1d(tokenIds, "int32");
    // Row j of the result is row tokenIds[j] of the table.
    return tf.gather(table, indices, 0);
  });
}
