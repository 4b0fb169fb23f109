import * as tf from "@tensorflow/tfjs";

export interface AttentionWeights {
  wq: tf.Tensor2D;
  wk: tf.Tensor2D;
  wv: tf.Tensor2D;
  wo: tf.Tensor2D;
}

/**
 * Multi-head self-attention.
 * x: [seq, dModel]; wq, wk, wv, wo: [dModel, dModel]; mask (optional): [seq, seq],
 * 1 = may attend, 0 = blocked. Returns [seq, dModel].
 */
export function multiHeadAttention(
  x: tf.Tensor2D,
  w: AttentionWeights,
  numHeads: number,
  mask?: tf.Tensor2D,
): tf.Tensor2D {
  // TODO:
  // 1. project x to queries, keys and values (x·wq, x·wk, x·wv);
  // 2. split their feature columns into numHeads heads of dModel / numHeads each;
  // 3. in each head: softmax(q·kᵀ / sqrt(head size), with the mask) · v;
  // 4. concatenate the heads' outputs and project with wo.
  return tf.zerosLike(x);
}
