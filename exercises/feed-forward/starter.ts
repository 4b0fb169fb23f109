import * as tf from "@tensorflow/tfjs";

export interface FeedForwardParams {
  w1: tf.Tensor2D; // [dModel, dFF]
  b1: tf.Tensor1D; // [dFF]
  w2: tf.Tensor2D; // [dFF, dModel]
  b2: tf.Tensor1D; // [dModel]
}

/**
 * The Transformer's feed-forward network, applied to every position (row) of x.
 * x: [seq, dModel]. Returns [seq, dModel].
 */
export function feedForward(x: tf.Tensor2D, p: FeedForwardParams): tf.Tensor2D {
  // TODO: relu(x·w1 + b1)·w2 + b2
  return tf.zerosLike(x);
}
