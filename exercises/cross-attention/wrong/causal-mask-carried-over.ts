// WRONG: applies a causal mask in cross-attention, so decoder position i may only read encoder tokens 0..i; the whole input is already known and may all be read.
import * as tf from "@tensorflow/tfjs";
import { attention } from "@academy/provided";

interface AttentionWeights { wq: tf.Tensor2D; wk: tf.Tensor2D; wv: tf.Tensor2D; wo: tf.Tensor2D }

export function crossAttention(decoderX: tf.Tensor2D, encoderOut: tf.Tensor2D, w: AttentionWeights, numHeads: number): tf.Tensor2D {
  const dModel = w.wq.shape[1];
  if (dModel % numHeads !== 0) throw new Error(`dModel ${dModel} is not divisible by numHeads ${numHeads}`);
  return tf.tidy(() => {
    const mask = tf.linalg.bandPart(tf.ones([decoderX.shape[0], encoderOut.shape[0]]), -1, 0) as tf.Tensor2D;
    const qs = tf.split(tf.matMul(decoderX, w.wq), numHeads, 1) as tf.Tensor2D[];
    const ks = tf.split(tf.matMul(encoderOut, w.wk), numHeads, 1) as tf.Tensor2D[];
    const vs = tf.split(tf.matMul(encoderOut, w.wv), numHeads, 1) as tf.Tensor2D[];
    const heads = qs.map((q, h) => attention(q, ks[h], vs[h], mask).output);
    return tf.matMul(tf.concat(heads, 1), w.wo);
  });
}
