// WRONG: splits the sequence (axis 0) into heads instead of the features (axis 1): each "head" sees only some tokens.
import * as tf from "@tensorflow/tfjs";

interface AttentionWeights { wq: tf.Tensor2D; wk: tf.Tensor2D; wv: tf.Tensor2D; wo: tf.Tensor2D }

export function multiHeadAttention(x: tf.Tensor2D, w: AttentionWeights, numHeads: number, mask?: tf.Tensor2D): tf.Tensor2D {
  const dModel = w.wq.shape[1];
  if (dModel % numHeads !== 0) throw new Error(`dModel ${dModel} is not divisible by numHeads ${numHeads}`);
  const seq = x.shape[0];
  return tf.tidy(() => {
    // Cut the rows into numHeads nearly equal groups.
    const sizes = Array.from({ length: numHeads }, (_, h) => Math.floor(seq / numHeads) + (h < seq % numHeads ? 1 : 0));
    const qs = tf.split(tf.matMul(x, w.wq), sizes, 0);
    const ks = tf.split(tf.matMul(x, w.wk), sizes, 0);
    const vs = tf.split(tf.matMul(x, w.wv), sizes, 0);
    let start = 0;
    const heads = qs.map((q, h) => {
      let scores = tf.div(tf.matMul(q, ks[h], false, true), Math.sqrt(dModel / numHeads));
      if (mask) {
        const m = tf.slice(mask, [start, start], [sizes[h], sizes[h]]);
        scores = tf.add(scores, tf.mul(tf.sub(1, m), -1e9));
      }
      start += sizes[h];
      return tf.matMul(tf.softmax(scores), vs[h]);
    });
    return tf.matMul(tf.concat(heads, 0), w.wo);
  });
}
