import * as tf from "@tensorflow/tfjs";

export interface LayerNormParams {
  gamma: tf.Tensor1D;
  beta: tf.Tensor1D;
}

export interface GptBlockParams {
  ln1: LayerNormParams;
  attn: { wq: tf.Tensor2D; wk: tf.Tensor2D; wv: tf.Tensor2D; wo: tf.Tensor2D };
  ln2: LayerNormParams;
  ffn: { w1: tf.Tensor2D; b1: tf.Tensor1D; w2: tf.Tensor2D; b2: tf.Tensor1D };
}

export interface GptParams {
  /** [vocab, dModel]: token embeddings, also the output head (tied) */
  wte: tf.Tensor2D;
  /** [maxLen, dModel]: learned position embeddings */
  wpe: tf.Tensor2D;
  blocks: GptBlockParams[];
  lnF: LayerNormParams;
  numHeads: number;
}

/** Paste your gptBlock from the previous exercise here (with the helpers it uses). */
function gptBlock(x: tf.Tensor2D, p: GptBlockParams, numHeads: number): tf.Tensor2D {
  throw new Error("Paste your gptBlock from the gpt-block exercise here");
}

/**
 * A whole GPT forward pass: token ids -> logits [T, vocab].
 * x = wte[ids] + wpe[0..T-1], then every block in order, a final layer norm, and the tied head LN_f(h)·wteᵀ.
 */
export function gptLogits(tokenIds: number[], p: GptParams): tf.Tensor2D {
  // TODO: embeddings plus positions, the blocks, the final layer norm, then multiply by wte transposed
  return tf.zeros([tokenIds.length, p.wte.shape[0]]);
}
