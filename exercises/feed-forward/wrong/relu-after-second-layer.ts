// WRONG: applies ReLU after the second linear layer as well, so the output can never be negative.
import * as tf from "@tensorflow/tfjs";

interface FeedForwardParams { w1: tf.Tensor2D; b1: tf.Tensor1D; w2: tf.Tensor2D; b2: tf.Tensor1D }

export function feedForward(x: tf.Tensor2D, p: FeedForwardParams): tf.Tensor2D {
  return tf.tidy(() => {
    const hidden = tf.relu(tf.add(tf.matMul(x, p.w1), p.b1));
    return tf.relu(tf.add(tf.matMul(hidden, p.w2), p.b2)) as tf.Tensor2D;
  });
}
