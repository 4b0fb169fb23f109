import * as tf from "@tensorflow/tfjs";

/**
 * The causal (look-ahead) mask: mask[i][j] = 1 when position i may attend to position j
 * (j <= i), 0 when j is in the future (j > i). Shape [seqLen, seqLen], dtype float32.
 */
export function causalMask(seqLen: number): tf.Tensor2D {
  return tf.tidy(() => {
    // bandPart(x, numLower, numUpper) keeps numLower diagonals below the main one (-1 = all)
    // and numUpper above it: (-1, 0) keeps the lower triangle including the diagonal.
    return tf.linalg.bandPart(tf.ones([seqLen, seqLen]), -1, 0) as tf.Tensor2D;
  });
}
