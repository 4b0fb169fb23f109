/**
 * The assembly: built-in pieces compute the GPT the course teaches (checked against a plain,
 * one-sequence-at-a-time TensorFlow.js implementation written here), the reference solutions
 * plugged in as "learner" pieces give the same logits, and a misbehaving piece is named.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import * as tf from "@tensorflow/tfjs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { findExercise } from "@/exercises/registry";
import { assembleModel, type LearnerPieces } from "./assemble";
import { compilePieces } from "./compile-pieces";
import { disposeWeights, initWeights, type GptWeights, type ModelConfig } from "./params";
import { PIECE_IDS, PieceError, type PieceId } from "./pieces";

const CONFIG: ModelConfig = { vocabSize: 11, layers: 2, dModel: 16, heads: 4, context: 8 };
const IDS = [
  [1, 4, 2, 9, 0, 3, 3, 7],
  [10, 2, 5, 5, 1, 0, 8, 6],
];

/** One sequence, written out the way the lessons describe it. */
function plainGpt(w: GptWeights, ids: number[]): tf.Tensor2D {
  const ln = (x: tf.Tensor2D, p: { gamma: tf.Tensor1D; beta: tf.Tensor1D }) => {
    const { mean, variance } = tf.moments(x, 1, true);
    return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-5))), p.gamma), p.beta) as tf.Tensor2D;
  };
  const t = ids.length;
  const dHead = CONFIG.dModel / CONFIG.heads;
  let x = tf.add(tf.gather(w.wte, ids), tf.slice(w.wpe, [0, 0], [t, CONFIG.dModel])) as tf.Tensor2D;
  for (const b of w.blocks) {
    const a = ln(x, b.ln1);
    const [q, k, v] = [tf.matMul(a, b.attn.wq), tf.matMul(a, b.attn.wk), tf.matMul(a, b.attn.wv)] as tf.Tensor2D[];
    const heads: tf.Tensor2D[] = [];
    for (let h = 0; h < CONFIG.heads; h++) {
      const cols = (m: tf.Tensor2D) => tf.slice(m, [0, h * dHead], [t, dHead]) as tf.Tensor2D;
      const scores = tf.div(tf.matMul(cols(q), cols(k), false, true), Math.sqrt(dHead));
      const future = tf.sub(1, tf.linalg.bandPart(tf.ones([t, t]), -1, 0));
      heads.push(tf.matMul(tf.softmax(tf.add(scores, tf.mul(future, -1e9))) as tf.Tensor2D, cols(v)));
    }
    x = tf.add(x, tf.matMul(tf.concat(heads, 1), b.attn.wo));
    const z = tf.add(tf.matMul(ln(x, b.ln2), b.ffn.w1), b.ffn.b1);
    const gelu = tf.mul(tf.mul(z, 0.5), tf.add(1, tf.tanh(tf.mul(tf.add(z, tf.mul(tf.pow(z, 3), 0.044715)), Math.sqrt(2 / Math.PI)))));
    x = tf.add(x, tf.add(tf.matMul(gelu as tf.Tensor2D, b.ffn.w2), b.ffn.b2));
  }
  return tf.matMul(ln(x, w.lnF), w.wte, false, true);
}

const solution = (id: PieceId) => readFileSync(path.join(__dirname, "..", "..", "exercises", id, "solution.ts"), "utf8");

function compiled(sources: Partial<Record<PieceId, string>>): LearnerPieces {
  const result = compilePieces(tf, sources);
  if ("problem" in result) throw new Error(result.problem.message);
  return result.pieces;
}

const maxDiff = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);

let weights: GptWeights;
beforeAll(async () => {
  await tf.setBackend("cpu");
  weights = initWeights(CONFIG, 3);
  // Larger weights than the initialisation, so every piece's numbers matter.
  for (const b of weights.blocks) for (const m of [b.attn.wq, b.attn.wk, b.attn.wv, b.attn.wo, b.ffn.w1, b.ffn.w2]) m.assign(tf.mul(m, 20));
});
afterAll(() => disposeWeights(weights));

describe("the built-in model", () => {
  it("gives the logits of a plain one-sequence GPT, for every sequence of the batch", () => {
    const logits = assembleModel({}).forward(weights, IDS);
    expect(logits.shape).toEqual([2, 8, CONFIG.vocabSize]);
    IDS.forEach((ids, b) => expect(maxDiff(tf.squeeze(tf.slice(logits, [b, 0, 0], [1, 8, CONFIG.vocabSize]), [0]), plainGpt(weights, ids))).toBeLessThan(1e-4));
  });

  it("scores row t against token t + 1 and leaves the last row out", () => {
    const loss = assembleModel({}).loss(weights, IDS).dataSync()[0];
    const expected = IDS.map((ids) => {
      const logp = tf.logSoftmax(plainGpt(weights, ids)).arraySync() as number[][];
      return -ids.slice(1).reduce((s, next, t) => s + logp[t][next], 0) / (ids.length - 1);
    });
    expect(loss).toBeCloseTo((expected[0] + expected[1]) / 2, 4);
  });

  it("is causal: changing the last token leaves every earlier position's logits unchanged", () => {
    const model = assembleModel({});
    const a = model.forward(weights, [IDS[0]]);
    const b = model.forward(weights, [[...IDS[0].slice(0, 7), 5]]);
    expect(maxDiff(tf.slice(a, [0, 0, 0], [1, 7, CONFIG.vocabSize]), tf.slice(b, [0, 0, 0], [1, 7, CONFIG.vocabSize]))).toBe(0);
  });
});

describe("learner pieces", () => {
  const reference = ["softmax", "causal-mask", "scaled-dot-product-attention", "layer-norm", "gpt-block", "gpt-logits", "lm-loss", "multi-head-attention"] as const;

  it.each(reference)("the reference %s plugged in gives the built-in model's logits (<= 1e-4) and loss", (id) => {
    const [model, builtin] = [assembleModel(compiled({ [id]: solution(id) })), assembleModel({})];
    expect(model.plan[id]).toEqual({ kind: "yours" });
    expect(maxDiff(model.forward(weights, IDS), builtin.forward(weights, IDS))).toBeLessThan(1e-4);
    expect(model.loss(weights, IDS).dataSync()[0]).toBeCloseTo(builtin.loss(weights, IDS).dataSync()[0], 4);
  });

  it("no piece's exercise offers @academy/provided, so the training worker never needs the finished pieces", () => {
    for (const id of PIECE_IDS) expect(findExercise(id)?.meta.provided).toBeUndefined();
  });

  it("the plan marks pieces inside a larger piece of the learner's", () => {
    const plan = assembleModel(compiled({ "gpt-block": solution("gpt-block"), softmax: solution("softmax") })).plan;
    expect(plan.softmax).toEqual({ kind: "inside", of: "gpt-block" });
    expect(plan["layer-norm"]).toEqual({ kind: "built-in" });
    expect(PIECE_IDS.filter((id) => plan[id].kind === "yours")).toEqual(["gpt-block"]);
  });

  it("names a piece that returns the wrong shape", () => {
    const model = assembleModel(compiled({ "layer-norm": `import * as tf from "@tensorflow/tfjs";\nexport function layerNorm(x: tf.Tensor2D) { return tf.sum(x, 1); }` }));
    expect(() => model.forward(weights, IDS)).toThrow(PieceError);
    expect(() => model.forward(weights, IDS)).toThrow(/Your layer norm returned a tensor of shape \[16\]; the model needs \[16, 16\]/);
  });

  it("names a piece that produces NaN when values are checked", () => {
    const nanSoftmax = `import * as tf from "@tensorflow/tfjs";\nexport function softmax(x: tf.Tensor) { const e = tf.exp(x); return tf.div(e, tf.sub(tf.sum(e, -1, true), tf.sum(e, -1, true))); }`;
    const model = assembleModel(compiled({ softmax: nanSoftmax }), { checkFinite: true });
    let caught: unknown;
    try {
      model.loss(weights, IDS);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PieceError);
    expect((caught as PieceError).piece).toBe("softmax");
    expect((caught as PieceError).message).toMatch(/Your softmax produced NaN or Infinity/);
  });
});
