import * as tf from "@tensorflow/tfjs";
// multiHeadAttention(x, { wq, wk, wv, wo }, numHeads, mask?)  -> [seq, dModel]
// feedForward(x, { w1, b1, w2, b2 })                         -> [seq, dModel]
// layerNorm(x, gamma, beta, eps = 1e-5)                      -> [seq, dModel]
import { multiHeadAttention, feedForward, layerNorm } from "@academy/provided";

export interface EncoderParams {
  // self-attention projections, each [dModel, dModel]
  wq: tf.Tensor2D;
  wk: tf.Tensor2D;
  wv: tf.Tensor2D;
  wo: tf.Tensor2D;
  // feed-forward network
  w1: tf.Tensor2D; // [dModel, dFF]
  b1: tf.Tensor1D; // [dFF]
  w2: tf.Tensor2D; // [dFF, dModel]
  b2: tf.Tensor1D; // [dModel]
  // layer norm after attention (1) and after the feed-forward network (2), each [dModel]
  gamma1: tf.Tensor1D;
  beta1: tf.Tensor1D;
  gamma2: tf.Tensor1D;
  beta2: tf.Tensor1D;
}

/**
 * One Transformer encoder layer, post-norm as in the 2017 paper.
 * x: [seq, dModel]. Returns [seq, dModel].
 */
export function encoderBlock(x: tf.Tensor2D, p: EncoderParams, numHeads: number): tf.Tensor2D {
  return tf.tidy(() => {
    // Sub-layer 1: self-attention (no mask: an encoder token may look both ways).
    // The residual adds the sub-layer's output to its input, then the sum is normalised.
    const attended = multiHeadAttention(x, { wq: p.wq, wk: p.wk, wv: p.wv, wo: p.wo }, numHeads);
    const h = layerNorm(tf.add(x, attended) as tf.Tensor2D, p.gamma1, p.beta1);

    // Sub-layer 2: the feed-forward network reads h, the output of sub-layer 1.
    const transformed = feedForward(h, { w1: p.w1, b1: p.b1, w2: p.w2, b2: p.b2 });
    return layerNorm(tf.add(h, transformed) as tf.Tensor2D, p.gamma2, p.beta2);
  });
}
