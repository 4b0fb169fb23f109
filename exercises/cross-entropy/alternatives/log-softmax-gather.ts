// Also correct: tf.logSoftmax, then each row's target entry picked out with tf.gather.
import * as tf from "@tensorflow/tfjs";

export function crossEntropyLoss(logits: tf.Tensor2D, targets: number[]): tf.Scalar {
  return tf.tidy(() => {
    const [positions, vocab] = logits.shape;
    const flat = tf.reshape(tf.logSoftmax(logits), [positions * vocab]);
    const indices = tf.tensor1d(targets.map((target, t) => t * vocab + target), "int32");
    return tf.neg(tf.mean(tf.gather(flat, indices))) as tf.Scalar;
  });
}
