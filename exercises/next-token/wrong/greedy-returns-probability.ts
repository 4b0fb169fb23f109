// WRONG: greedyToken returns the largest probability itself instead of its index (the token id).
import * as tf from "@tensorflow/tfjs";

export function nextTokenProbs(hidden: tf.Tensor1D, w: tf.Tensor2D, b: tf.Tensor1D, temperature = 1): tf.Tensor1D {
  if (temperature <= 0) throw new Error("temperature must be greater than 0");
  return tf.tidy(() => tf.softmax(tf.div(tf.add(tf.dot(hidden, w), b), temperature)) as tf.Tensor1D);
}

export function greedyToken(probs: tf.Tensor1D): number {
  return tf.tidy(() => tf.max(probs).dataSync()[0]);
}
