// WRONG: forgets the output layer's bias b: logits = hidden·w only.
import * as tf from "@tensorflow/tfjs";

export function nextTokenProbs(hidden: tf.Tensor1D, w: tf.Tensor2D, b: tf.Tensor1D, temperature = 1): tf.Tensor1D {
  void b;
  if (temperature <= 0) throw new Error("temperature must be greater than 0");
  return tf.tidy(() => tf.softmax(tf.div(tf.dot(hidden, w), temperature)) as tf.Tensor1D);
}

export function greedyToken(probs: tf.Tensor1D): number {
  return tf.tidy(() => tf.argMax(probs).dataSync()[0]);
}
