// Wrong: averages the masked [T, V] matrix over all T x V entries, dividing the loss by the vocabulary size too.
import * as tf from "@tensorflow/tfjs";

export function crossEntropyLoss(logits: tf.Tensor2D, targets: number[]): tf.Scalar {
  return tf.tidy(() => {
    const oneHot = tf.oneHot(tf.tensor1d(targets, "int32"), logits.shape[1]);
    const negLogProbs = tf.neg(tf.logSoftmax(logits));
    return tf.mean(tf.mul(negLogProbs, oneHot)) as tf.Scalar;
  });
}
