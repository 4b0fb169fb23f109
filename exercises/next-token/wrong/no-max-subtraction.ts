// WRONG: a hand-written softmax without subtracting the maximum: exp(1000) is Infinity in float32 and the result is NaN.
import * as tf from "@tensorflow/tfjs";

export function nextTokenProbs(hidden: tf.Tensor1D, w: tf.Tensor2D, b: tf.Tensor1D, temperature = 1): tf.Tensor1D {
  if (temperature <= 0) throw new Error("temperature must be greater than 0");
  return tf.tidy(() => {
    const e = tf.exp(tf.div(tf.add(tf.dot(hidden, w), b), temperature));
    return tf.div(e, tf.sum(e)) as tf.Tensor1D;
  });
}

export function greedyToken(probs: tf.Tensor1D): number {
  return tf.tidy(() => tf.argMax(probs).dataSync()[0]);
}
