/**
 * From one row of logits to the next character: temperature, then top-k, then top-p (nucleus),
 * then inverse-CDF sampling with a uniform number. Temperature 0 means greedy (argmax).
 */
export interface SamplingOptions {
  temperature: number;
  /** Keep only the k most likely tokens (0 = all). */
  topK: number;
  /** Keep the smallest set of most likely tokens whose probability reaches p (1 = all). */
  topP: number;
}

export function pickToken(logits: ArrayLike<number>, opts: SamplingOptions, u: number): number {
  const n = logits.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => logits[b] - logits[a] || a - b);
  if (opts.temperature <= 0) return order[0];
  const kept = order.slice(0, opts.topK > 0 ? Math.min(opts.topK, n) : n);
  const top = logits[kept[0]];
  let probs = kept.map((i) => Math.exp((logits[i] - top) / opts.temperature));
  let total = probs.reduce((a, b) => a + b, 0);
  probs = probs.map((p) => p / total);
  if (opts.topP < 1) {
    let cumulative = 0;
    let keep = 0;
    while (keep < probs.length && cumulative < opts.topP) cumulative += probs[keep++];
    probs = probs.slice(0, keep);
    total = probs.reduce((a, b) => a + b, 0);
    probs = probs.map((p) => p / total);
  }
  let cumulative = 0;
  for (let i = 0; i < probs.length; i++) {
    cumulative += probs[i];
    if (u < cumulative) return kept[i];
  }
  return kept[probs.length - 1];
}
