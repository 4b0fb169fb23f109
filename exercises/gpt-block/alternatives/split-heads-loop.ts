// Correct too: layer norm written out with tf.rsqrt, per-head attention in a loop with tf.split and tf.concat, the mask applied with tf.where and -Infinity, and GELU spelled out inline.
import * as tf from "@tensorflow/tfjs";

type Norm = { gamma: tf.Tensor1D; beta: tf.Tensor1D };
export interface GptBlockParams {
  ln1: Norm;
  attn: { wq: tf.Tensor2D; wk: tf.Tensor2D; wv: tf.Tensor2D; wo: tf.Tensor2D };
  ln2: Norm;
  ffn: { w1: tf.Tensor2D; b1: tf.Tensor1D; w2: tf.Tensor2D; b2: tf.Tensor1D };
}

function norm(x: tf.Tensor2D, n: Norm): tf.Tensor2D {
  const mean = tf.mean(x, -1, true);
  const variance = tf.mean(tf.square(tf.sub(x, mean)), -1, true);
  return tf.add(tf.mul(n.gamma, tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, 1e-5)))), n.beta) as tf.Tensor2D;
}

export function gptBlock(x: tf.Tensor2D, p: GptBlockParams, numHeads: number): tf.Tensor2D {
  return tf.tidy(() => {
    const seq = x.shape[0];
    const a = norm(x, p.ln1);
    const qs = tf.split(tf.matMul(a, p.attn.wq), numHeads, 1);
    const ks = tf.split(tf.matMul(a, p.attn.wk), numHeads, 1);
    const vs = tf.split(tf.matMul(a, p.attn.wv), numHeads, 1);
    const rows = tf.range(0, seq).reshape([seq, 1]);
    const cols = tf.range(0, seq).reshape([1, seq]);
    const allowed = tf.lessEqual(cols, rows);
    const heads = qs.map((q, i) => {
      const raw = tf.div(tf.matMul(q, ks[i], false, true), Math.sqrt(q.shape[1] as number));
      const masked = tf.where(allowed, raw, tf.fill([seq, seq], -Infinity));
      return tf.matMul(tf.softmax(masked), vs[i]);
    });
    const h = tf.add(x, tf.matMul(tf.concat(heads, 1), p.attn.wo));
    const z = tf.add(tf.matMul(norm(h as tf.Tensor2D, p.ln2), p.ffn.w1), p.ffn.b1);
    const g = tf.mul(tf.mul(z, 0.5), tf.add(tf.tanh(tf.mul(tf.add(z, tf.mul(tf.pow(z, 3), 0.044715)), Math.sqrt(2 / Math.PI))), 1));
    return tf.add(h, tf.add(tf.matMul(g, p.ffn.w2), p.ffn.b2)) as tf.Tensor2D;
  });
}
