/**
 * The built-in pieces: TensorFlow.js implementations written for the training page, used for
 * every piece the learner has not passed (never the exercises' reference solutions, which stay
 * on the server). They work on whole batches, [batch, seq, features], so a model made only of
 * built-ins runs as few, large operations.
 */
import * as tf from "@tensorflow/tfjs";

/** Added to blocked attention scores: exp() of it is exactly 0 in float32, and unlike -Infinity it never makes NaN. */
export const BLOCKED_SCORE = -1e9;

export function builtinSoftmax(x: tf.Tensor): tf.Tensor {
  return tf.softmax(x);
}

/** 1 on and below the diagonal (may attend), 0 above it. */
export function builtinCausalMask(seqLen: number): tf.Tensor2D {
  return tf.linalg.bandPart(tf.ones([seqLen, seqLen]), -1, 0) as tf.Tensor2D;
}

/** Layer norm over the last axis, biased variance, any rank. */
export function builtinLayerNorm<T extends tf.Tensor>(x: T, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps = 1e-5): T {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(x, -1, true);
    return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, eps))), gamma), beta) as T;
  });
}

const GELU_C = Math.sqrt(2 / Math.PI);

/** GPT-2's tanh GELU: 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))). */
export function gelu(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.mul(tf.mul(x, 0.5), tf.add(1, tf.tanh(tf.mul(tf.add(x, tf.mul(tf.mul(tf.mul(x, x), x), 0.044715)), GELU_C)))));
}

export interface FfnWeights {
  w1: tf.Tensor2D;
  b1: tf.Tensor1D;
  w2: tf.Tensor2D;
  b2: tf.Tensor1D;
}

/** gelu(x w1 + b1) w2 + b2 on rows: x is [rows, dModel]. */
export function builtinFeedForward(x: tf.Tensor2D, p: FfnWeights): tf.Tensor2D {
  return tf.tidy(() => tf.add(tf.matMul(gelu(tf.add(tf.matMul(x, p.w1), p.b1)) as tf.Tensor2D, p.w2), p.b2) as tf.Tensor2D);
}

/** Adds BLOCKED_SCORE where mask is 0 (mask broadcasts over the leading axes). */
export function applyMask(scores: tf.Tensor, mask: tf.Tensor2D): tf.Tensor {
  return tf.add(scores, tf.mul(tf.sub(1, mask), BLOCKED_SCORE));
}

/**
 * Attention of a batch of heads: q, k, v are [batch, heads, seq, dHead]; returns the mixed
 * values (same shape) and the weights [batch, heads, seq, seq]. `softmax` is the piece in use.
 */
export function batchedAttention(
  q: tf.Tensor4D,
  k: tf.Tensor4D,
  v: tf.Tensor4D,
  mask: tf.Tensor2D,
  softmax: (x: tf.Tensor) => tf.Tensor,
): { output: tf.Tensor4D; weights: tf.Tensor4D } {
  const scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(q.shape[3]));
  const weights = softmax(applyMask(scores, mask)) as tf.Tensor4D;
  return { output: tf.matMul(weights, v) as tf.Tensor4D, weights };
}

/** [batch, seq, dModel] -> [batch, heads, seq, dHead] */
export function splitHeads(x: tf.Tensor3D, heads: number): tf.Tensor4D {
  const [b, t, d] = x.shape;
  return tf.transpose(tf.reshape(x, [b, t, heads, d / heads]), [0, 2, 1, 3]);
}

/** [batch, heads, seq, dHead] -> [batch, seq, dModel] */
export function mergeHeads(x: tf.Tensor4D): tf.Tensor3D {
  const [b, h, t, dh] = x.shape;
  return tf.reshape(tf.transpose(x, [0, 2, 1, 3]), [b, t, h * dh]);
}

/** x [batch, seq, d] times w [d, e], as one matMul over all rows. */
export function rowsMatMul(x: tf.Tensor3D, w: tf.Tensor2D): tf.Tensor3D {
  const [b, t, d] = x.shape;
  return tf.reshape(tf.matMul(tf.reshape(x, [b * t, d]), w), [b, t, w.shape[1]]);
}

/**
 * The shifted next-token loss of a batch: logits [batch, seq, vocab], ids [batch, seq]; row t
 * predicts id t+1, the last row is not scored; the mean over batch * (seq - 1) predictions.
 */
export function builtinLmLoss(logits: tf.Tensor3D, ids: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const [b, t, vocab] = logits.shape;
    const scored = tf.reshape(tf.slice(logits, [0, 0, 0], [b, t - 1, vocab]), [b * (t - 1), vocab]);
    const targets = tf.reshape(tf.slice(ids, [0, 1], [b, t - 1]), [b * (t - 1)]);
    const logProbs = tf.logSoftmax(scored);
    const picked = tf.sum(tf.mul(logProbs, tf.oneHot(tf.cast(targets, "int32"), vocab)), 1);
    return tf.neg(tf.mean(picked)) as tf.Scalar;
  });
}
