// Wrong: the pattern is right but the mask is a bool tensor; it was never cast to float32.
import * as tf from "@tensorflow/tfjs";

export function causalMask(seqLen: number): tf.Tensor2D {
  return tf.tidy(() => {
    const rows = tf.reshape(tf.range(0, seqLen), [seqLen, 1]);
    const cols = tf.reshape(tf.range(0, seqLen), [1, seqLen]);
    return tf.greaterEqual(rows, cols) as tf.Tensor2D;
  });
}
