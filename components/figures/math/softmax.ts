/** Softmax with temperature over plain numbers (used by the softmax-temperature figure). */

/**
 * Turns scores (logits) into probabilities: p_i = exp(z_i / T) / sum_j exp(z_j / T).
 * The maximum is subtracted before exponentiating, so large logits cannot overflow.
 * T < 1 sharpens the distribution towards the top score, T > 1 flattens it.
 */
export function softmax(logits: readonly number[], temperature = 1): number[] {
  if (!Number.isFinite(temperature) || temperature <= 0) {
    throw new RangeError(`temperature must be a positive number, got ${temperature}`);
  }
  if (logits.length === 0) throw new RangeError("softmax needs at least one logit");
  if (!logits.every(Number.isFinite)) throw new RangeError("every logit must be a finite number");
  const scaled = logits.map((z) => z / temperature);
  const max = Math.max(...scaled);
  const exps = scaled.map((s) => Math.exp(s - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** Index of the largest value (the first one on ties): the greedy choice. */
export function argmax(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("argmax of an empty list");
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** Shannon entropy in bits: 0 when one outcome is certain, log2(n) when all n are equally likely. */
export function entropyBits(probabilities: readonly number[]): number {
  return probabilities.reduce((h, p) => (p > 0 ? h - p * Math.log2(p) : h), 0);
}

/**
 * Index chosen by sampling: walks the cumulative distribution until it passes `u`,
 * a uniform random number in [0, 1). Passing `u` in keeps this function pure.
 */
export function sampleIndex(probabilities: readonly number[], u: number): number {
  let cumulative = 0;
  for (let i = 0; i < probabilities.length; i++) {
    cumulative += probabilities[i];
    if (u < cumulative) return i;
  }
  return probabilities.length - 1; // u is within rounding error of 1
}

/**
 * The distribution after keeping only the k most likely outcomes (top-k), renormalised.
 * Probabilities keep the logits' order, so "the k largest logits" and "the k largest
 * probabilities" are the same set. k >= n keeps everything.
 */
export function keepTopK(probabilities: readonly number[], k: number): number[] {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number of at least 1, got ${k}`);
  const ranked = probabilities.map((_, i) => i).sort((a, b) => probabilities[b] - probabilities[a] || a - b);
  return renormalise(probabilities, new Set(ranked.slice(0, k)));
}

/**
 * Nucleus (top-p) filtering: keeps the smallest set of most likely outcomes whose total
 * reaches p (the outcome that crosses p is kept), renormalised.
 */
export function keepTopP(probabilities: readonly number[], p: number): number[] {
  if (!(p > 0 && p <= 1)) throw new RangeError(`p must be in (0, 1], got ${p}`);
  const ranked = probabilities.map((_, i) => i).sort((a, b) => probabilities[b] - probabilities[a] || a - b);
  const kept = new Set<number>();
  let total = 0;
  for (const i of ranked) {
    kept.add(i);
    total += probabilities[i];
    if (total >= p) break;
  }
  return renormalise(probabilities, kept);
}

function renormalise(probabilities: readonly number[], kept: ReadonlySet<number>): number[] {
  const total = probabilities.reduce((sum, q, i) => (kept.has(i) ? sum + q : sum), 0);
  return probabilities.map((q, i) => (kept.has(i) ? q / total : 0));
}
