// Wrong: applies the mask after the softmax, so masked rows no longer sum to 1.
import * as tf from "@tensorflow/tfjs";

export function attention(
  q: tf.Tensor2D,
  k: tf.Tensor2D,
  v: tf.Tensor2D,
  mask?: tf.Tensor2D,
): { output: tf.Tensor2D; weights: tf.Tensor2D } {
  return tf.tidy(() => {
    const scores: tf.Tensor2D = tf.div(tf.matMul(q, k, false, true), Math.sqrt(q.shape[1]));
    let weights: tf.Tensor2D = tf.softmax(scores);
    if (mask) weights = tf.mul(weights, mask);
    const output: tf.Tensor2D = tf.matMul(weights, v);
    return { output, weights };
  });
}
