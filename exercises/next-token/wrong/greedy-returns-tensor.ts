// WRONG: greedyToken returns the tf.argMax tensor itself (cast to number) instead of reading the number out of it.
import * as tf from "@tensorflow/tfjs";

export function nextTokenProbs(hidden: tf.Tensor1D, w: tf.Tensor2D, b: tf.Tensor1D, temperature = 1): tf.Tensor1D {
  if (temperature <= 0) throw new Error("temperature must be greater than 0");
  return tf.tidy(() => tf.softmax(tf.div(tf.add(tf.dot(hidden, w), b), temperature)) as tf.Tensor1D);
}

export function greedyToken(probs: tf.Tensor1D): number {
  return tf.argMax(probs) as unknown as number;
}
