// WRONG: computes self-attention over the decoder tokens and never looks at the encoder output.
import * as tf from "@tensorflow/tfjs";
import { attention } from "@academy/provided";

interface AttentionWeights { wq: tf.Tensor2D; wk: tf.Tensor2D; wv: tf.Tensor2D; wo: tf.Tensor2D }

export function crossAttention(decoderX: tf.Tensor2D, encoderOut: tf.Tensor2D, w: AttentionWeights, numHeads: number): tf.Tensor2D {
  void encoderOut;
  const dModel = w.wq.shape[1];
  if (dModel % numHeads !== 0) throw new Error(`dModel ${dModel} is not divisible by numHeads ${numHeads}`);
  return tf.tidy(() => {
    const qs = tf.split(tf.matMul(decoderX, w.wq), numHeads, 1) as tf.Tensor2D[];
    const ks = tf.split(tf.matMul(decoderX, w.wk), numHeads, 1) as tf.Tensor2D[];
    const vs = tf.split(tf.matMul(decoderX, w.wv), numHeads, 1) as tf.Tensor2D[];
    const heads = qs.map((q, h) => attention(q, ks[h], vs[h]).output);
    return tf.matMul(tf.concat(heads, 1), w.wo);
  });
}
