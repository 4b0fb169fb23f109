// Also correct: fills a Float32Array with a double loop.
import * as tf from "@tensorflow/tfjs";

export function positionalEncoding(seqLen: number, dModel: number): tf.Tensor2D {
  const values = new Float32Array(seqLen * dModel);
  for (let p = 0; p < seqLen; p++) {
    for (let j = 0; j < dModel; j++) {
      const angle = p / Math.pow(10000, (2 * Math.floor(j / 2)) / dModel);
      values[p * dModel + j] = j % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return tf.tensor2d(values, [seqLen, dModel]);
}
