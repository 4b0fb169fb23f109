import * as tf from "@tensorflow/tfjs";

/**
 * The sinusoidal positional encoding: a [seqLen, dModel] tensor whose row p encodes position p.
 * PE[p, 2i] = sin(p / 10000^(2i / dModel)), PE[p, 2i + 1] = cos(p / 10000^(2i / dModel)).
 */
export function positionalEncoding(seqLen: number, dModel: number): tf.Tensor2D {
  // TODO: compute the angle for every (position, column) pair, then sine for even columns, cosine for odd.
  return tf.zeros([seqLen, dModel]);
}
