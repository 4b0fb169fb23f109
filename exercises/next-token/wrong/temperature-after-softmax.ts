// WRONG: applies the temperature to the probabilities after the softmax (p^(1/T)) and never renormalises, so they no longer sum to 1.
import * as tf from "@tensorflow/tfjs";

export function nextTokenProbs(hidden: tf.Tensor1D, w: tf.Tensor2D, b: tf.Tensor1D, temperature = 1): tf.Tensor1D {
  if (temperature <= 0) throw new Error("temperature must be greater than 0");
  return tf.tidy(() => tf.pow(tf.softmax(tf.add(tf.dot(hidden, w), b)), 1 / temperature) as tf.Tensor1D);
}

export function greedyToken(probs: tf.Tensor1D): number {
  return tf.tidy(() => tf.argMax(probs).dataSync()[0]);
}
