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
  // TODO: repeat maxNewTokens times: crop, call logitsFn, read the last row, pick a token, append
  return [...prompt];
}
