import type * as TF from "@tensorflow/tfjs";
/**
 * Deterministic parameters for the GPT exercises' specs (gpt-block, gpt-logits): fixed values, no
 * randomness, so every run and every browser sees the same numbers.
 */
/** Deterministic, varied values in [-0.8, 0.8]: no randomness, so a failure can be replayed. */
export const det = (n: number, seed: number) => Array.from({ length: n }, (_, i) => 0.8 * Math.sin(seed * 12.9898 + i * 78.233));
export function blockParams(tf: typeof TF, d: number, dff: number, seed: number) {
  const m = (r: number, c: number, s: number) => tf.tensor2d(det(r * c, seed + s), [r, c]);
  const v = (n: number, s: number, base = 0) => tf.tensor1d(det(n, seed + s).map((x) => base + 0.3 * x));
  return {
    ln1: { gamma: v(d, 1, 1), beta: v(d, 2) },
    attn: { wq: m(d, d, 3), wk: m(d, d, 4), wv: m(d, d, 5), wo: m(d, d, 6) },
    ln2: { gamma: v(d, 7, 1), beta: v(d, 8) },
    ffn: { w1: m(d, dff, 9), b1: v(dff, 10), w2: m(dff, d, 11), b2: v(d, 12) },
  };
}
