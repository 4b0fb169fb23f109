import * as tf from "@tensorflow/tfjs";

export interface GenerateOptions {
  /** The model's context length: each step sees at most this many of the latest ids. */
  maxContext: number;
  /** Divides the logits before the softmax when sampling (default 1). */
  temperature?: number;
  /** Uniform random numbers in [0, 1); without it, decoding is greedy. */
  rng?: () => number;
}

/**
 * Autoregressive generation: returns prompt followed by maxNewTokens new ids.
 * logitsFn(ids) returns [ids.length, vocab]; its last row scores the next token.
 */
export function generate(
  prompt: number[],
  maxNewTokens: number,
  logitsFn: (ids: number[]) => tf.Tensor2D,
  opts: GenerateOptions,
): number[] {
  const ids = [...prompt];
  const temperature = opts.temperature ?? 1;
  for (let step = 0; step < maxNewTokens; step++) {
    // The model has position embeddings for maxContext positions only: crop to the latest ones.
    const context = ids.slice(-opts.maxContext);
    // tidy disposes the logits logitsFn made and everything derived from them; only the
    // returned row survives, and dataSync copies it out before it is disposed too.
    const row = tf.tidy(() => {
      const logits = logitsFn(context);
      const last = tf.squeeze(tf.slice(logits, [logits.shape[0] - 1, 0], [1, -1]), [0]);
      return opts.rng ? tf.softmax(tf.div(last, temperature)) : last;
    });
    const values = row.dataSync();
    row.dispose();
    ids.push(opts.rng ? drawInverseCdf(values, opts.rng()) : argmaxLowest(values));
  }
  return ids;
}

/** The largest entry's index; on a tie, the lowest index. */
function argmaxLowest(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** The first id whose cumulative probability exceeds u (the last possible id if rounding leaves u past the end). */
function drawInverseCdf(probs: ArrayLike<number>, u: number): number {
  let cumulative = 0;
  let last = 0;
  for (let id = 0; id < probs.length; id++) {
    if (probs[id] <= 0) continue;
    cumulative += probs[id];
    last = id;
    if (cumulative > u) return id;
  }
  return last;
}
