/**
 * Scaled dot-product self-attention for the attention-heatmap figure, computed with
 * TensorFlow.js from the small fixed matrices in content/figures/attention.json.
 *
 * `tf` is passed in rather than imported, so this module costs nothing in a page's
 * first load: the figure imports @tensorflow/tfjs lazily and hands it over, and the
 * tests pass the Node copy. Only the types are imported here.
 */
import type * as TF from "@tensorflow/tfjs";

export type Tf = typeof TF;
type Matrix = number[][];

export interface AttentionHeadParams {
  /** Short label shown on the head's button, e.g. "Previous word". */
  name: string;
  /** One or two sentences: the pattern this head shows. */
  summary: string;
  /** [dModel, dK] projections; Q = X·Wq, K = X·Wk, V = X·Wv. */
  wq: Matrix;
  wk: Matrix;
  wv: Matrix;
}

export interface AttentionData {
  sentence: string;
  tokens: string[];
  dModel: number;
  /** What each of the dModel input dimensions stands for in this toy model. */
  dimensionLabels: string[];
  /** What each dimension of a value vector stands for (same for every head here). */
  valueLabels: string[];
  /** One row per token: the token's embedding (dModel numbers). */
  embeddings: Matrix;
  /** One row per position: the positional encoding added to the embedding. */
  positional: Matrix;
  heads: AttentionHeadParams[];
  notes: string[];
}

export interface HeadAttention {
  /** [tokens, tokens]: row = query token, column = key token; each row sums to 1. */
  weights: Matrix;
  /** [tokens, dV]: each row is the weighted sum of the value vectors. */
  outputs: Matrix;
}

function isMatrix(value: unknown, rows: number, cols: number | null): value is Matrix {
  if (!Array.isArray(value) || value.length !== rows) return false;
  const width = cols ?? (Array.isArray(value[0]) ? value[0].length : -1);
  return value.every(
    (row) => Array.isArray(row) && row.length === width && width > 0 && row.every((x) => typeof x === "number" && Number.isFinite(x)),
  );
}

/** Checks shapes and numbers; throws an Error naming the first problem. */
export function checkAttentionData(data: AttentionData): AttentionData {
  const n = data.tokens.length;
  const d = data.dModel;
  const fail = (what: string): never => {
    throw new Error(`attention data: ${what}`);
  };
  if (n < 2) fail("needs at least two tokens");
  if (data.dimensionLabels.length !== d) fail(`dimensionLabels must have ${d} entries`);
  if (!isMatrix(data.embeddings, n, d)) fail(`embeddings must be a ${n}x${d} matrix of finite numbers`);
  if (!isMatrix(data.positional, n, d)) fail(`positional must be a ${n}x${d} matrix of finite numbers`);
  if (data.heads.length < 1) fail("needs at least one head");
  data.heads.forEach((head, h) => {
    const dK = head.wq[0]?.length ?? 0;
    if (!isMatrix(head.wq, d, dK)) fail(`head ${h + 1}: wq must be ${d}xdK`);
    if (!isMatrix(head.wk, d, dK)) fail(`head ${h + 1}: wk must have the same shape as wq (${d}x${dK})`);
    if (!isMatrix(head.wv, d, data.valueLabels.length)) {
      fail(`head ${h + 1}: wv must be ${d}x${data.valueLabels.length} (one column per value label)`);
    }
  });
  return data;
}

/** 1 where a query may attend (itself and earlier positions), 0 above the diagonal. */
export function causalMaskMatrix(n: number): Matrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (j <= i ? 1 : 0)));
}

/**
 * For every head: X = embeddings + positional, Q = X·Wq, K = X·Wk, V = X·Wv,
 * weights = softmax(Q·Kᵀ / sqrt(d_k)) (row-wise), outputs = weights·V.
 * With `causal`, blocked scores get -1e9 added before the softmax, so their weight is 0.
 */
export function computeAttention(tf: Tf, data: AttentionData, options: { causal: boolean }): HeadAttention[] {
  const n = data.tokens.length;
  const results: HeadAttention[] = [];
  tf.tidy(() => {
    const x = tf.add(tf.tensor2d(data.embeddings), tf.tensor2d(data.positional)) as TF.Tensor2D;
    const blocked = options.causal
      ? tf.mul(tf.sub(1, tf.tensor2d(causalMaskMatrix(n))), -1e9)
      : null;
    for (const head of data.heads) {
      const q = tf.matMul(x, tf.tensor2d(head.wq));
      const k = tf.matMul(x, tf.tensor2d(head.wk));
      const v = tf.matMul(x, tf.tensor2d(head.wv));
      const dK = head.wq[0].length;
      let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(dK));
      if (blocked) scores = tf.add(scores, blocked);
      const weights = tf.softmax(scores);
      const outputs = tf.matMul(weights, v);
      results.push({ weights: weights.arraySync() as Matrix, outputs: outputs.arraySync() as Matrix });
    }
  });
  return results;
}
