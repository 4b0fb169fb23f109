// WRONG: never feeds the previous state back in (no h·wh term), so every step forgets everything before it.
import * as tf from "@tensorflow/tfjs";

interface RnnParams { wx: tf.Tensor2D; wh: tf.Tensor2D; b: tf.Tensor1D }

export function rnnForward(xs: tf.Tensor2D, p: RnnParams): tf.Tensor2D {
  return tf.tidy(() => tf.tanh(tf.add(tf.matMul(xs, p.wx), p.b)) as tf.Tensor2D);
}
