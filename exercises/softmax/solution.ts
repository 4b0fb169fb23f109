import * as tf from "@tensorflow/tfjs";

/**
 * Softmax over the last axis of `logits`, after dividing them by `temperature`.
 * The result has the same shape as `logits`; every last-axis slice sums to 1.
 */
export function softmax(logits: tf.Tensor, temperature = 1): tf.Tensor {
  return tf.tidy(() => {
    const scaled = tf.div(logits, temperature);
    // Subtracting each row's own maximum changes nothing mathematically (the factor
    // e^-max cancels between numerator and denominator), but now the largest exponent
    // is exactly 0: exp() cannot overflow, and the denominator is at least 1.
    // keepDims keeps the max as [..., 1] so it broadcasts along the last axis.
    const shifted = tf.sub(scaled, tf.max(scaled, -1, true));
    const exps = tf.exp(shifted);
    return tf.div(exps, tf.sum(exps, -1, true));
  });
}
