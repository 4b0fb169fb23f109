// WRONG: computes -log(sigmoid(d)) literally; sigmoid rounds to 0 (or a denormal) for large negative margins, giving Infinity or an inaccurate loss.
import * as tf from "@tensorflow/tfjs";

export function pairwiseRankingLoss(chosen: tf.Tensor1D, rejected: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.neg(tf.mean(tf.log(tf.sigmoid(tf.sub(chosen, rejected))))) as tf.Scalar);
}
