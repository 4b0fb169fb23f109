// WRONG: centres each feature over the whole sequence first (a batch-norm habit), so every output row depends on the other positions.
import * as tf from "@tensorflow/tfjs";

interface FeedForwardParams { w1: tf.Tensor2D; b1: tf.Tensor1D; w2: tf.Tensor2D; b2: tf.Tensor1D }

export function feedForward(x: tf.Tensor2D, p: FeedForwardParams): tf.Tensor2D {
  return tf.tidy(() => {
    const centred = tf.sub(x, tf.mean(x, 0));
    const hidden = tf.relu(tf.add(tf.matMul(centred, p.w1), p.b1));
    return tf.add(tf.matMul(hidden, p.w2), p.b2) as tf.Tensor2D;
  });
}
