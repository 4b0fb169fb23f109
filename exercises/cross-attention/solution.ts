import * as tf from "@tensorflow/tfjs";
// attention(q, k, v, mask?) returns { output, weights }: softmax(q·kᵀ/√d_k [+ mask])·v.
import { attention } from "@academy/provided";

export interface AttentionWeights {
  wq: tf.Tensor2D;
  wk: tf.Tensor2D;
  wv: tf.Tensor2D;
  wo: tf.Tensor2D;
}

/**
 * Encoder-decoder (cross) attention.
 * decoderX: [tDec, dModel]; encoderOut: [tEnc, dModel]; weights [dModel, dModel].
 * Returns [tDec, dModel]: one vector per decoder position.
 */
export function crossAttention(
  decoderX: tf.Tensor2D,
  encoderOut: tf.Tensor2D,
  w: AttentionWeights,
  numHeads: number,
): tf.Tensor2D {
  const dModel = w.wq.shape[1];
  if (!Number.isInteger(numHeads) || numHeads < 1 || dModel % numHeads !== 0) {
    throw new Error(
      `dModel ${dModel} is not divisible by numHeads ${numHeads}: each head must get the same number of features`,
    );
  }
  return tf.tidy(() => {
    // The decoder asks the questions; the encoder's output supplies what is looked up.
    const q = tf.matMul(decoderX, w.wq); // [tDec, dModel]
    const k = tf.matMul(encoderOut, w.wk); // [tEnc, dModel]
    const v = tf.matMul(encoderOut, w.wv); // [tEnc, dModel]

    // Heads split the feature columns, exactly as in self-attention.
    const qs = tf.split(q, numHeads, 1) as tf.Tensor2D[];
    const ks = tf.split(k, numHeads, 1) as tf.Tensor2D[];
    const vs = tf.split(v, numHeads, 1) as tf.Tensor2D[];

    // No mask: every decoder position may read the whole input sentence. (The causal
    // mask belongs to the decoder's self-attention, where the future is not yet written.)
    const heads = qs.map((qh, h) => attention(qh, ks[h], vs[h]).output); // each [tDec, dHead]
    return tf.matMul(tf.concat(heads, 1), w.wo);
  });
}
