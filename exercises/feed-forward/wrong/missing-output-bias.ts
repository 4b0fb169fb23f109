// WRONG: forgets the second bias b2.
import * as tf from "@tensorflow/tfjs";

interface FeedForwardParams { w1: tf.Tensor2D; b1: tf.Tensor1D; w2: tf.Tensor2D; b2: tf.Tensor1D }

export function feedForward(x: tf.Tensor2D, p: FeedForwardParams): tf.Tensor2D {
  return tf.tidy(() => tf.matMul(tf.relu(tf.add(tf.matMul(x, p.w1), p.b1)), p.w2));
}
