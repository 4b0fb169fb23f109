// Wrong: uses the column index j in the exponent (10000^(j/d)), so each cosine gets a different frequency from its sine.
import * as tf from "@tensorflow/tfjs";

export function positionalEncoding(seqLen: number, dModel: number): tf.Tensor2D {
  const values = new Float32Array(seqLen * dModel);
  for (let p = 0; p < seqLen; p++) {
    for (let j = 0; j < dModel; j++) {
      const angle = p / Math.pow(10000, j / dModel);
      values[p * dModel + j] = j % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return tf.tensor2d(values, [seqLen, dModel]);
}
