import * as tf from "@tensorflow/tfjs";

/**
 * Mean next-token cross-entropy over the response tokens of one training example.
 * logits: [T, vocab], one row per position; targets: the T correct next-token ids;
 * lossMask: T entries, 1 = response token (counts), 0 = prompt token (ignored).
 */
export function sftLoss(logits: tf.Tensor2D, targets: number[], lossMask: number[]): tf.Scalar {
  // TODO: -log p(target) at each position, averaged over the positions where lossMask is 1.
  return tf.scalar(0);
}
