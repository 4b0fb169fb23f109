// WRONG: writes softplus by hand as log(1 + exp(-d)); exp(100) overflows float32 to Infinity.
import * as tf from "@tensorflow/tfjs";

export function pairwiseRankingLoss(chosen: tf.Tensor1D, rejected: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.log1p(tf.exp(tf.sub(rejected, chosen)))) as tf.Scalar);
}
