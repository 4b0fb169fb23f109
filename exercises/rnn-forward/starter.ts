import * as tf from "@tensorflow/tfjs";

export interface RnnParams {
  wx: tf.Tensor2D; // [dIn, dHidden]: input -> hidden
  wh: tf.Tensor2D; // [dHidden, dHidden]: previous hidden state -> hidden
  b: tf.Tensor1D; // [dHidden]
}

/**
 * Runs a simple (Elman) RNN over the sequence xs, starting from h_0 = 0.
 * xs: [T, dIn]. Returns [T, dHidden]: row t is the hidden state after reading xs[t].
 */
export function rnnForward(xs: tf.Tensor2D, p: RnnParams): tf.Tensor2D {
  const steps = xs.shape[0];
  const dHidden = p.wh.shape[0];
  // TODO: h = tanh(x_t·wx + h·wh + b) for each t in order; return every h, stacked.
  return tf.zeros([steps, dHidden]);
}
