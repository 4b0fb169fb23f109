// Wrong: takes tf.log of the softmax probabilities; a probability that underflows to 0 gives log(0) = -Infinity.
import * as tf from "@tensorflow/tfjs";

export function crossEntropyLoss(logits: tf.Tensor2D, targets: number[]): tf.Scalar {
  return tf.tidy(() => {
    const probs = tf.softmax(logits);
    const oneHot = tf.oneHot(tf.tensor1d(targets, "int32"), logits.shape[1]);
    const targetProbs = tf.sum(tf.mul(probs, oneHot), 1);
    return tf.neg(tf.mean(tf.log(targetProbs))) as tf.Scalar;
  });
}
