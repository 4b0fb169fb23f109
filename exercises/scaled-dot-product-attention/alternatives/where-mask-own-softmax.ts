// Also correct: masks with tf.where and a hand-written stable softmax; scales q before the product.
import * as tf from "@tensorflow/tfjs";

export function attention(
  q: tf.Tensor2D,
  k: tf.Tensor2D,
  v: tf.Tensor2D,
  mask?: tf.Tensor2D,
): { output: tf.Tensor2D; weights: tf.Tensor2D } {
  return tf.tidy(() => {
    const scaledQ = tf.div(q, Math.sqrt(k.shape[1]));
    let scores: tf.Tensor2D = tf.matMul(scaledQ, tf.transpose(k));
    if (mask) scores = tf.where(tf.greater(mask, 0.5), scores, tf.fill(scores.shape, -1e30));
    const shifted = tf.sub(scores, tf.max(scores, 1, true));
    const exps = tf.exp(shifted);
    const weights: tf.Tensor2D = tf.div(exps, tf.sum(exps, 1, true));
    const output: tf.Tensor2D = tf.matMul(weights, v);
    return { output, weights };
  });
}
