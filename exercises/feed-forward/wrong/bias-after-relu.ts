// WRONG: adds b1 after the ReLU instead of before it: relu(x·w1) + b1.
import * as tf from "@tensorflow/tfjs";

interface FeedForwardParams { w1: tf.Tensor2D; b1: tf.Tensor1D; w2: tf.Tensor2D; b2: tf.Tensor1D }

export function feedForward(x: tf.Tensor2D, p: FeedForwardParams): tf.Tensor2D {
  return tf.tidy(() => {
    const hidden = tf.add(tf.relu(tf.matMul(x, p.w1)), p.b1);
    return tf.add(tf.matMul(hidden, p.w2), p.b2) as tf.Tensor2D;
  });
}
