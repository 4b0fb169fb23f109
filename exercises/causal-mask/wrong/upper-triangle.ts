// Wrong: keeps the upper triangle, so each position sees the future instead of the past.
import * as tf from "@tensorflow/tfjs";

export function causalMask(seqLen: number): tf.Tensor2D {
  return tf.tidy(() => tf.linalg.bandPart(tf.ones([seqLen, seqLen]), 0, -1) as tf.Tensor2D);
}
