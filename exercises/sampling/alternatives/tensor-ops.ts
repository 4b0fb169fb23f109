// Correct too: all three with tensor operations (a threshold at the k-th logit, an exclusive cumulative sum for top-p, tf.cumsum for sampling).
import * as tf from "@tensorflow/tfjs";

export function filterTopK(logits: tf.Tensor1D, k: number): tf.Tensor1D {
  return tf.tidy(() => {
    const n = logits.shape[0];
    const kth = tf.min(tf.topk(logits, Math.min(k, n)).values);
    return tf.where(tf.greaterEqual(logits, kth), logits, tf.fill([n], -Infinity)) as tf.Tensor1D;
  });
}

export function filterTopP(probs: tf.Tensor1D, p: number): tf.Tensor1D {
  return tf.tidy(() => {
    const n = probs.shape[0];
    const { values, indices } = tf.topk(probs, n);
    // A token stays if the tokens ranked above it have not yet reached p.
    const before = tf.sub(tf.cumsum(values), values);
    const keepSorted = tf.cast(tf.less(before, p), "float32");
    const keep = tf.sum(tf.mul(tf.oneHot(indices, n), tf.expandDims(keepSorted, 1)), 0);
    const kept = tf.mul(probs, keep);
    return tf.div(kept, tf.sum(kept)) as tf.Tensor1D;
  });
}

export function sampleToken(probs: tf.Tensor1D, u: number): number {
  const cumulative = tf.tidy(() => tf.cumsum(probs)).arraySync() as number[];
  const values = probs.arraySync();
  const first = cumulative.findIndex((c) => c > u);
  if (first !== -1) return first;
  for (let id = values.length - 1; id >= 0; id--) if (values[id] > 0) return id;
  return -1;
}
