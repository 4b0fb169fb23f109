// WRONG: accepts a mask but never applies it, so under a causal mask every token still sees the future.
import * as tf from "@tensorflow/tfjs";

interface AttentionWeights { wq: tf.Tensor2D; wk: tf.Tensor2D; wv: tf.Tensor2D; wo: tf.Tensor2D }

export function multiHeadAttention(x: tf.Tensor2D, w: AttentionWeights, numHeads: number, mask?: tf.Tensor2D): tf.Tensor2D {
  void mask;
  const dModel = w.wq.shape[1];
  if (dModel % numHeads !== 0) throw new Error(`dModel ${dModel} is not divisible by numHeads ${numHeads}`);
  const dHead = dModel / numHeads;
  return tf.tidy(() => {
    const qs = tf.split(tf.matMul(x, w.wq), numHeads, 1);
    const ks = tf.split(tf.matMul(x, w.wk), numHeads, 1);
    const vs = tf.split(tf.matMul(x, w.wv), numHeads, 1);
    const heads = qs.map((q, h) => tf.matMul(tf.softmax(tf.div(tf.matMul(q, ks[h], false, true), Math.sqrt(dHead))), vs[h]));
    return tf.matMul(tf.concat(heads, 1), w.wo);
  });
}
