/**
 * Course reference pieces a learner may import in later exercises:
 *
 *   import { multiHeadAttention, feedForward, layerNorm } from "@academy/provided";
 *
 * An exercise opts in by listing the names in its meta.json `provided` array; the
 * grading harness then maps "@academy/provided" to exactly those functions of this
 * module (lib/grading/grade-exercise.ts pickProvided). Each function is the
 * finished version of an earlier exercise, so a learner building the encoder block is
 * not held back by a bug in their attention code. Signatures match the exercise
 * contract of the course outline: tensors in, tensors out, mask 1 = may attend,
 * 0 = blocked.
 *
 * This module is shipped to the browser grader, so it holds only what the course
 * already teaches in the open; it must never import an exercise's solution.
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
 * A score added to blocked positions before the softmax. exp(-1e9 - max) underflows
 * to exactly 0 in float32; unlike -Infinity it cannot turn a row in which every
 * position is blocked into NaN (-Infinity - -Infinity).
 */
const BLOCKED = -1e9;

/**
 * Scaled dot-product attention: softmax(q k^T / sqrt(d_k) + blocked) v.
 *
 * q: [queries, dK], k: [keys, dK], v: [keys, dV], mask (optional): [queries, keys]
 * with 1 where a query may attend to a key and 0 where it may not.
 */
export function attention(
  q: tf.Tensor2D,
  k: tf.Tensor2D,
  v: tf.Tensor2D,
  mask?: tf.Tensor2D,
): AttentionResult {
  const dK = q.shape[1];
  if (k.shape[1] !== dK) {
    throw new Error(`attention: q has ${dK} features but k has ${k.shape[1]}; they must match.`);
  }
  if (v.shape[0] !== k.shape[0]) {
    throw new Error(`attention: k has ${k.shape[0]} rows but v has ${v.shape[0]}; they must match.`);
  }
  return tf.tidy(() => {
    let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(dK));
    if (mask) {
      // (1 - mask) is 1 exactly where attention is blocked.
      scores = tf.add(scores, tf.mul(tf.sub(1, mask), BLOCKED));
    }
    const weights = tf.softmax(scores) as tf.Tensor2D;
    const output: tf.Tensor2D = tf.matMul(weights, v);
    return { output, weights };
  });
}

/**
 * Multi-head self-attention. Heads split the projected features: head h owns
 * columns [h * dHead, (h + 1) * dHead), is scaled by sqrt(dHead), and the heads'
 * outputs are concatenated back in order and projected by wo.
 *
 * x: [seq, dModel]; wq, wk, wv, wo: [dModel, dModel]; mask (optional): [seq, seq].
 * Returns [seq, dModel]. Throws when numHeads does not divide dModel.
 */
export function multiHeadAttention(
  x: tf.Tensor2D,
  w: AttentionProjections,
  numHeads: number,
  mask?: tf.Tensor2D,
): tf.Tensor2D {
  const dModel = w.wq.shape[1];
  if (!Number.isInteger(numHeads) || numHeads < 1) {
    throw new Error(`numHeads must be a positive integer, got ${numHeads}.`);
  }
  if (dModel % numHeads !== 0) {
    throw new Error(
      `dModel ${dModel} is not divisible by numHeads ${numHeads}: every head needs the same number of features.`,
    );
  }
  return tf.tidy(() => {
    // tf.split along axis 1 cuts the feature columns into numHeads equal blocks.
    const qs = tf.split(tf.matMul(x, w.wq), numHeads, 1) as tf.Tensor2D[];
    const ks = tf.split(tf.matMul(x, w.wk), numHeads, 1) as tf.Tensor2D[];
    const vs = tf.split(tf.matMul(x, w.wv), numHeads, 1) as tf.Tensor2D[];
    const heads = qs.map((qh, h) => attention(qh, ks[h], vs[h], mask).output);
    return tf.matMul(tf.concat(heads, 1), w.wo);
  });
}

/** Position-wise feed-forward network: relu(x w1 + b1) w2 + b2, row by row. */
export function feedForward(x: tf.Tensor2D, p: FeedForwardParams): tf.Tensor2D {
  return tf.tidy(() => {
    const hidden = tf.relu(tf.add(tf.matMul(x, p.w1), p.b1));
    return tf.add(tf.matMul(hidden, p.w2), p.b2) as tf.Tensor2D;
  });
}

/**
 * Layer normalisation over the features of each row:
 * (x - mean) / sqrt(var + eps) * gamma + beta, with the biased variance (divide by d).
 */
export function layerNorm(
  x: tf.Tensor2D,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  eps = 1e-5,
): tf.Tensor2D {
  return tf.tidy(() => {
    // tf.moments computes the population (biased) variance.
    const { mean, variance } = tf.moments(x, 1, true);
    const normalised = tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, eps)));
    return tf.add(tf.mul(normalised, gamma), beta) as tf.Tensor2D;
  });
}
