// Wrong: applies the blocks from last to first.
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

/** Layer norm over each row, biased variance, eps 1e-5. */
function layerNorm(x: tf.Tensor2D, { gamma, beta }: LayerNormParams): tf.Tensor2D {
  const { mean, variance } = tf.moments(x, 1, true);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-5))), gamma), beta) as tf.Tensor2D;
}

/** Multi-head self-attention in which position i sees only positions 0..i. */
function causalSelfAttention(x: tf.Tensor2D, w: GptBlockParams["attn"], numHeads: number): tf.Tensor2D {
  const [seq, dModel] = x.shape;
  const dHead = dModel / numHeads;
  const split = (t: tf.Tensor2D) => tf.transpose(tf.reshape(t, [seq, numHeads, dHead]), [1, 0, 2]) as tf.Tensor3D;
  const q = split(tf.matMul(x, w.wq));
  const k = split(tf.matMul(x, w.wk));
  const v = split(tf.matMul(x, w.wv));
  // Lower triangle including the diagonal: 1 = may attend.
  const causal = tf.linalg.bandPart(tf.ones([seq, seq]), -1, 0);
  const scores = tf.add(tf.div(tf.matMul(q, k, false, true), Math.sqrt(dHead)), tf.mul(tf.sub(1, causal), -1e9));
  const heads = tf.matMul(tf.softmax(scores), v); // [numHeads, seq, dHead]
  return tf.matMul(tf.reshape(tf.transpose(heads, [1, 0, 2]), [seq, dModel]) as tf.Tensor2D, w.wo);
}

/** GELU, tanh form (GPT-2): 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))). */
function gelu(x: tf.Tensor): tf.Tensor {
  const inner = tf.mul(Math.sqrt(2 / Math.PI), tf.add(x, tf.mul(0.044715, tf.pow(x, 3))));
  return tf.mul(tf.mul(0.5, x), tf.add(1, tf.tanh(inner)));
}

/**
 * One GPT-2 block, pre-norm: h = x + MHA(LN1(x)) with a causal mask, out = h + FFN(LN2(h)).
 * Used for every layer of the stack below.
 */
function gptBlock(x: tf.Tensor2D, p: GptBlockParams, numHeads: number): tf.Tensor2D {
  return tf.tidy(() => {
    // Pre-norm: each sub-layer reads a normalised copy, but the residual adds to the raw x,
    // so an untouched path runs from the input to the output of every block.
    const h = tf.add(x, causalSelfAttention(layerNorm(x, p.ln1), p.attn, numHeads)) as tf.Tensor2D;
    const hidden = gelu(tf.add(tf.matMul(layerNorm(h, p.ln2), p.ffn.w1), p.ffn.b1));
    return tf.add(h, tf.add(tf.matMul(hidden as tf.Tensor2D, p.ffn.w2), p.ffn.b2)) as tf.Tensor2D;
  });
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

/**
 * A whole GPT forward pass: token ids -> logits [T, vocab].
 * x = wte[ids] + wpe[0..T-1], then every block in order, a final layer norm, and the tied head LN_f(h)·wteᵀ.
 */
export function gptLogits(tokenIds: number[], p: GptParams): tf.Tensor2D {
  const T = tokenIds.length;
  const [maxLen, dModel] = p.wpe.shape;
  if (T > maxLen) {
    throw new Error(`${T} tokens do not fit: the model has position embeddings for ${maxLen} positions only (its context length)`);
  }
  return tf.tidy(() => {
    // Position t gets row t of wpe, whatever the token is: the same word at two places differs.
    let h = tf.add(tf.gather(p.wte, tf.tensor1d(tokenIds, "int32")), tf.slice(p.wpe, [0, 0], [T, dModel])) as tf.Tensor2D;
    for (const block of [...p.blocks].reverse()) h = gptBlock(h, block, p.numHeads);
    // Weight tying: the output head is the embedding table, transposed, so logit v = h · wte[v].
    return tf.matMul(layerNorm(h, p.lnF), p.wte, false, true);
  });
}
