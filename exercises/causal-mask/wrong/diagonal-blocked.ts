// Wrong: off by one; uses j < i, so a position may not attend to itself and row 0 is all zeros.
import * as tf from "@tensorflow/tfjs";

export function causalMask(seqLen: number): tf.Tensor2D {
  return tf.tidy(() => {
    const rows = tf.reshape(tf.range(0, seqLen), [seqLen, 1]);
    const cols = tf.reshape(tf.range(0, seqLen), [1, seqLen]);
    return tf.cast(tf.greater(rows, cols), "float32") as tf.Tensor2D;
  });
}
