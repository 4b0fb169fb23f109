// WRONG: no range check; relies on tf.gather, whose CPU error does not say "out of range" or name the token, and whose WebGL version returns zeros.
import * as tf from "@tensorflow/tfjs";

export function embed(tokenIds: number[], table: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.gather(table, tf.tensor1d(tokenIds, "int32")));
}
