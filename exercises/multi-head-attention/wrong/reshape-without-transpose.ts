// WRONG: reshapes [seq, dModel] straight to [numHeads, seq, dHead] with no transpose, which mixes tokens and features across heads.
import * as tf from "@tensorflow/tfjs";

interface AttentionWeights { wq: tf.Tensor2D; wk: tf.Tensor2D; wv: tf.Tensor2D; wo: tf.Tensor2D }

export function multiHeadAttention(x: tf.Tensor2D, w: AttentionWeights, numHeads: number, mask?: tf.Tensor2D): tf.Tensor2D {
  const seq = x.shape[0];
  const dModel = w.wq.shape[1];
  if (dModel % numHeads !== 0) throw new Error(`dModel ${dModel} is not divisible by numHeads ${numHeads}`);
  const dHead = dModel / numHeads;
  return tf.tidy(() => {
    const q = tf.reshape(tf.matMul(x, w.wq), [numHeads, seq, dHead]) as tf.Tensor3D;
    const k = tf.reshape(tf.matMul(x, w.wk), [numHeads, seq, dHead]) as tf.Tensor3D;
    const v = tf.reshape(tf.matMul(x, w.wv), [numHeads, seq, dHead]) as tf.Tensor3D;
    let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(dHead));
    if (mask) scores = tf.add(scores, tf.mul(tf.sub(1, mask), -1e9));
    const heads = tf.matMul(tf.softmax(scores), v);
    return tf.matMul(tf.reshape(heads, [seq, dModel]) as tf.Tensor2D, w.wo);
  });
}
