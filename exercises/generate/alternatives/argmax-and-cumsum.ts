// Correct too: tf.argMax for greedy (it returns the first maximum), tf.cumsum for sampling, and explicit dispose calls instead of tf.tidy.
import * as tf from "@tensorflow/tfjs";

export function generate(
  prompt: number[],
  maxNewTokens: number,
  logitsFn: (ids: number[]) => tf.Tensor2D,
  opts: { maxContext: number; temperature?: number; rng?: () => number },
): number[] {
  const out = prompt.slice();
  while (out.length < prompt.length + maxNewTokens) {
    const logits = logitsFn(out.slice(Math.max(0, out.length - opts.maxContext)));
    const last = tf.gather(logits, logits.shape[0] - 1);
    let next: number;
    if (opts.rng) {
      const scaled = tf.div(last, opts.temperature ?? 1);
      const probs = tf.softmax(scaled);
      const cdf = tf.cumsum(probs);
      const u = opts.rng();
      const c = Array.from(cdf.dataSync());
      const p = Array.from(probs.dataSync());
      next = c.findIndex((value, i) => p[i] > 0 && value > u);
      if (next === -1) next = p.length - 1 - [...p].reverse().findIndex((q) => q > 0);
      tf.dispose([scaled, probs, cdf]);
    } else {
      const best = tf.argMax(last);
      next = best.dataSync()[0];
      best.dispose();
    }
    tf.dispose([logits, last]);
    out.push(next);
  }
  return out;
}
