// Wrong: uses 1 for blocked and 0 for allowed, the opposite of the course's convention.
import * as tf from "@tensorflow/tfjs";

export function causalMask(seqLen: number): tf.Tensor2D {
  return tf.tidy(() => {
    const rows = tf.reshape(tf.range(0, seqLen), [seqLen, 1]);
    const cols = tf.reshape(tf.range(0, seqLen), [1, seqLen]);
    return tf.cast(tf.less(rows, cols), "float32") as tf.Tensor2D;
  });
}
