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
  return tf.tidy(() => {
    // Multiplying the whole [seq, dModel] matrix by w1 transforms every row with the
    // same weights, and no row ever sees another: that is what "position-wise" means.
    // The bias vectors broadcast across the rows.
    const hidden = tf.relu(tf.add(tf.matMul(x, p.w1), p.b1)); // [seq, dFF], widened
    // No activation after the second layer: the output must be free to be negative,
    // because it is added back to the residual stream.
    return tf.add(tf.matMul(hidden, p.w2), p.b2) as tf.Tensor2D; // [seq, dModel]
  });
}
