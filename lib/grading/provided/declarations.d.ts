/**
 * "@academy/provided": pieces from earlier exercises that a later exercise may import, e.g.
 *
 *   import { multiHeadAttention, feedForward, layerNorm } from "@academy/provided";
 *
 * Declarations only. Each piece is YOUR OWN passing code of the exercise it comes from (or
 * the reference solution once you have asked to see it): until then, importing it is an error
 * that names the exercise to pass first. Signatures follow the exercise contracts: tensors in,
 * tensors out, mask 1 = may attend, 0 = blocked.
 */
import * as tf from "@tensorflow/tfjs";

/** The four projection matrices of an attention layer, each [dModel, dModel]. */
export interface AttentionProjections {
  wq: tf.Tensor2D;
  wk: tf.Tensor2D;
  wv: tf.Tensor2D;
  wo: tf.Tensor2D;
}

/** Parameters of the position-wise feed-forward network. */
export interface FeedForwardParams {
  /** [dModel, dFF] */
  w1: tf.Tensor2D;
  /** [dFF] */
  b1: tf.Tensor1D;
  /** [dFF, dModel] */
  w2: tf.Tensor2D;
  /** [dModel] */
  b2: tf.Tensor1D;
}

export interface AttentionResult {
  /** [queries, dV]: one mixed value vector per query. */
  output: tf.Tensor2D;
  /** [queries, keys]: each row is a probability distribution over the keys. */
  weights: tf.Tensor2D;
}

/**
 * From the exercise "Scaled dot-product attention": softmax(q kᵀ / √d_k, blocked where mask = 0) v.
 * q: [queries, dK], k: [keys, dK], v: [keys, dV], mask (optional): [queries, keys].
 */
export declare function attention(q: tf.Tensor2D, k: tf.Tensor2D, v: tf.Tensor2D, mask?: tf.Tensor2D): AttentionResult;

/**
 * From the exercise "Multi-head attention". x: [seq, dModel]; w: [dModel, dModel] each;
 * mask (optional): [seq, seq]. Returns [seq, dModel].
 */
export declare function multiHeadAttention(x: tf.Tensor2D, w: AttentionProjections, numHeads: number, mask?: tf.Tensor2D): tf.Tensor2D;

/** From the exercise "The position-wise feed-forward network": relu(x w1 + b1) w2 + b2, row by row. */
export declare function feedForward(x: tf.Tensor2D, p: FeedForwardParams): tf.Tensor2D;

/** From the exercise "Layer normalisation": per row, (x - mean) / √(var + eps) · gamma + beta. */
export declare function layerNorm(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps?: number): tf.Tensor2D;
