// Wrong: multiplies the scores by the mask, which turns a blocked score into 0 instead of removing it.
import * as tf from "@tensorflow/tfjs";

export function attention(
  q: tf.Tensor2D,
  k: tf.Tensor2D,
  v: tf.Tensor2D,
  mask?: tf.Tensor2D,
): { output: tf.Tensor2D; weights: tf.Tensor2D } {
  return tf.tidy(() => {
    let scores: tf.Tensor2D = tf.div(tf.matMul(q, k, false, true), Math.sqrt(q.shape[1]));
    if (mask) scores = tf.mul(scores, mask);
    const weights = tf.softmax(scores);
    const output: tf.Tensor2D = tf.matMul(weights, v);
    return { output, weights };
  });
}
