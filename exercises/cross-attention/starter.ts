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
  // TODO: queries from decoderX, keys and values from encoderOut; split into heads,
  // attend in each head, concatenate, project with wo.
  return tf.zerosLike(decoderX);
}
