import * as tf from "@tensorflow/tfjs";

/**
 * The causal (look-ahead) mask: mask[i][j] = 1 when position i may attend to position j
 * (j <= i), 0 when j is in the future (j > i). Shape [seqLen, seqLen], dtype float32.
 */
export function causalMask(seqLen: number): tf.Tensor2D {
  // TODO: ones on and below the diagonal, zeros above it.
  return tf.zeros([seqLen, seqLen]);
}
