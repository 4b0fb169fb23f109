import * as tf from "@tensorflow/tfjs";

/**
 * A score for blocked positions. After softmax's max-subtraction, exp(-1e9) underflows to
 * exactly 0 in float32. Unlike -Infinity it cannot create NaN: 0 * -Infinity is NaN, and a
 * row of only -Infinity gives -Infinity - -Infinity = NaN.
 */
const BLOCKED_SCORE = -1e9;

/**
 * Scaled dot-product attention.
 * q: [queries, dK], k: [keys, dK], v: [keys, dV], mask: [queries, keys] (1 = may attend, 0 = blocked).
 * Returns weights [queries, keys] (rows sum to 1) and output = weights · v, [queries, dV].
 */
export function attention(
  q: tf.Tensor2D,
  k: tf.Tensor2D,
  v: tf.Tensor2D,
  mask?: tf.Tensor2D,
): { output: tf.Tensor2D; weights: tf.Tensor2D } {
  return tf.tidy(() => {
    const dK = q.shape[1];
    // [queries, dK] x [dK, keys]: entry (i, j) is query i's dot product with key j.
    // Dividing by sqrt(dK) keeps the scores' spread independent of the width.
    let scores: tf.Tensor2D = tf.div(tf.matMul(q, k, false, true), Math.sqrt(dK));
    if (mask) {
      // (1 - mask) is 1 exactly where a position is blocked; allowed scores get + 0.
      scores = tf.add(scores, tf.mul(tf.sub(1, mask), BLOCKED_SCORE));
    }
    // Softmax over the keys (the last axis); tf.softmax subtracts the row maximum itself.
    const weights = tf.softmax(scores);
    const output: tf.Tensor2D = tf.matMul(weights, v);
    return { output, weights };
  });
}
