// WRONG: scales each head's scores by sqrt(dModel) instead of sqrt(head size).
import * as tf from "@tensorflow/tfjs";

interface AttentionWeights { wq: tf.Tensor2D; wk: tf.Tensor2D; wv: tf.Tensor2D; wo: tf.Tensor2D }

export function crossAttention(decoderX: tf.Tensor2D, encoderOut: tf.Tensor2D, w: AttentionWeights, numHeads: number): tf.Tensor2D {
  const dModel = w.wq.shape[1];
  if (dModel % numHeads !== 0) throw new Error(`dModel ${dModel} is not divisible by numHeads ${numHeads}`);
  return tf.tidy(() => {
    const qs = tf.split(tf.matMul(decoderX, w.wq), numHeads, 1);
    const ks = tf.split(tf.matMul(encoderOut, w.wk), numHeads, 1);
    const vs = tf.split(tf.matMul(encoderOut, w.wv), numHeads, 1);
    const heads = qs.map((q, h) => tf.matMul(tf.softmax(tf.div(tf.matMul(q, ks[h], false, true), Math.sqrt(dModel))), vs[h]));
    return tf.matMul(tf.concat(heads, 1), w.wo);
  });
}
