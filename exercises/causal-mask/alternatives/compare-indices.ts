// Also correct: compares row and column indices and casts the booleans to float32.
import * as tf from "@tensorflow/tfjs";

export function causalMask(seqLen: number): tf.Tensor2D {
  return tf.tidy(() => {
    const rows = tf.reshape(tf.range(0, seqLen), [seqLen, 1]);
    const cols = tf.reshape(tf.range(0, seqLen), [1, seqLen]);
    return tf.cast(tf.greaterEqual(rows, cols), "float32") as tf.Tensor2D;
  });
}
