/**
 * The capstone GPT's weights, in the shape of the gpt-logits exercise's GptParams (so a
 * learner's gptLogits can read them directly), as tf.Variables the optimiser trains.
 */
import * as tf from "@tensorflow/tfjs";

export interface ModelConfig {
  vocabSize: number;
  layers: number;
  dModel: number;
  heads: number;
  /** Context window: positions the model sees (rows of wpe). */
  context: number;
}

export interface LayerNormParams {
  gamma: tf.Variable<tf.Rank.R1>;
  beta: tf.Variable<tf.Rank.R1>;
}

export interface BlockParams {
  ln1: LayerNormParams;
  attn: { wq: tf.Variable<tf.Rank.R2>; wk: tf.Variable<tf.Rank.R2>; wv: tf.Variable<tf.Rank.R2>; wo: tf.Variable<tf.Rank.R2> };
  ln2: LayerNormParams;
  ffn: { w1: tf.Variable<tf.Rank.R2>; b1: tf.Variable<tf.Rank.R1>; w2: tf.Variable<tf.Rank.R2>; b2: tf.Variable<tf.Rank.R1> };
}

export interface GptWeights {
  wte: tf.Variable<tf.Rank.R2>;
  wpe: tf.Variable<tf.Rank.R2>;
  blocks: BlockParams[];
  lnF: LayerNormParams;
  numHeads: number;
}

/** The feed-forward width: four times the model width, as in GPT-2. */
export const ffnWidth = (config: ModelConfig) => 4 * config.dModel;

/**
 * GPT-2's initialisation: normal(0, 0.02) weights, the residual projections (wo, w2) scaled by
 * 1/sqrt(2 * layers) so the residual stream does not grow with depth, zero biases, unit gains.
 * Deterministic for a seed.
 */
export function initWeights(config: ModelConfig, seed: number): GptWeights {
  let next = seed;
  const normal = (shape: [number, number], std: number) => tf.variable(tf.randomNormal(shape, 0, std, "float32", next++)) as tf.Variable<tf.Rank.R2>;
  const ones = (n: number) => tf.variable(tf.ones([n])) as tf.Variable<tf.Rank.R1>;
  const zeros = (n: number) => tf.variable(tf.zeros([n])) as tf.Variable<tf.Rank.R1>;
  const d = config.dModel;
  const residualStd = 0.02 / Math.sqrt(2 * config.layers);
  const blocks: BlockParams[] = [];
  for (let l = 0; l < config.layers; l++) {
    blocks.push({
      ln1: { gamma: ones(d), beta: zeros(d) },
      attn: { wq: normal([d, d], 0.02), wk: normal([d, d], 0.02), wv: normal([d, d], 0.02), wo: normal([d, d], residualStd) },
      ln2: { gamma: ones(d), beta: zeros(d) },
      ffn: { w1: normal([d, ffnWidth(config)], 0.02), b1: zeros(ffnWidth(config)), w2: normal([ffnWidth(config), d], residualStd), b2: zeros(d) },
    });
  }
  return {
    wte: normal([config.vocabSize, d], 0.02),
    wpe: normal([config.context, d], 0.01),
    blocks,
    lnF: { gamma: ones(d), beta: zeros(d) },
    numHeads: config.heads,
  };
}

/** Every variable, in a fixed order (the order saved weights are stored in). */
export function weightList(w: GptWeights): tf.Variable[] {
  const list: tf.Variable[] = [w.wte, w.wpe];
  for (const b of w.blocks) {
    list.push(b.ln1.gamma, b.ln1.beta, b.attn.wq, b.attn.wk, b.attn.wv, b.attn.wo, b.ln2.gamma, b.ln2.beta, b.ffn.w1, b.ffn.b1, b.ffn.w2, b.ffn.b2);
  }
  list.push(w.lnF.gamma, w.lnF.beta);
  return list;
}

export function parameterCount(w: GptWeights): number {
  return weightList(w).reduce((sum, v) => sum + v.size, 0);
}

/** The weights as plain arrays (for IndexedDB), in weightList order. */
export async function exportWeights(w: GptWeights): Promise<Float32Array[]> {
  return Promise.all(weightList(w).map(async (v) => new Float32Array(await v.data())));
}

/** Overwrites the weights with saved values; false (and nothing changed) when they do not fit. */
export function importWeights(w: GptWeights, saved: readonly Float32Array[]): boolean {
  const list = weightList(w);
  if (saved.length !== list.length || saved.some((values, i) => values.length !== list[i].size)) return false;
  list.forEach((v, i) => tf.tidy(() => v.assign(tf.tensor(saved[i], v.shape))));
  return true;
}

export function disposeWeights(w: GptWeights): void {
  for (const v of weightList(w)) v.dispose();
}
