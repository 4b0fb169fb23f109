// Also correct: reads the values and loops over the last axis in plain JavaScript.
import * as tf from "@tensorflow/tfjs";

export function softmax(logits: tf.Tensor, temperature = 1): tf.Tensor {
  const values = logits.dataSync();
  const width = logits.shape[logits.shape.length - 1] ?? 1;
  const out = new Float32Array(values.length);
  for (let start = 0; start < values.length; start += width) {
    let max = -Infinity;
    for (let i = start; i < start + width; i++) max = Math.max(max, values[i] / temperature);
    let sum = 0;
    for (let i = start; i < start + width; i++) {
      out[i] = Math.exp(values[i] / temperature - max);
      sum += out[i];
    }
    for (let i = start; i < start + width; i++) out[i] /= sum;
  }
  return tf.tensor(out, logits.shape);
}
