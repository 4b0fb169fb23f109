// Also correct: the built-in tf.losses.softmaxCrossEntropy with one-hot labels (it averages over rows).
import * as tf from "@tensorflow/tfjs";

export function crossEntropyLoss(logits: tf.Tensor2D, targets: number[]): tf.Scalar {
  return tf.tidy(() => {
    const labels = tf.oneHot(tf.tensor1d(targets, "int32"), logits.shape[1]);
    return tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
  });
}
