import type * as TF from "@tensorflow/tfjs";
import { defineSpec } from "../../lib/grading/spec";
import type { Tf } from "../../lib/grading/types";
import { expectChanged, randn, randomWeights as seededWeights, type Weights } from "../multi-head-attention/test-params";

type Module = {
  crossAttention: (decoderX: TF.Tensor2D, encoderOut: TF.Tensor2D, w: Weights, numHeads: number) => TF.Tensor2D;
};

const D_MODEL = 6;
const T_DEC = 3; // tokens generated so far
const T_ENC = 5; // tokens of the input sentence

const randomWeights = (tf: Tf, seed: number): Weights => seededWeights(tf, D_MODEL, seed);

/** softmax(q kᵀ / scale) v, written out for comparison. */
function attend(tf: Tf, q: TF.Tensor2D, k: TF.Tensor2D, v: TF.Tensor2D, scale: number): TF.Tensor2D {
  return tf.matMul(tf.softmax(tf.div(tf.matMul(q, k, false, true), scale)), v);
}

/** Cross-attention from its definition: queries from the decoder, keys and values from the encoder. */
function expected(tf: Tf, dec: TF.Tensor2D, enc: TF.Tensor2D, w: Weights, numHeads: number): TF.Tensor2D {
  const dHead = D_MODEL / numHeads;
  const cols = (t: TF.Tensor2D, h: number) => tf.slice(t, [0, h * dHead], [t.shape[0], dHead]);
  const q: TF.Tensor2D = tf.matMul(dec, w.wq);
  const k: TF.Tensor2D = tf.matMul(enc, w.wk);
  const v: TF.Tensor2D = tf.matMul(enc, w.wv);
  const heads: TF.Tensor2D[] = [];
  for (let h = 0; h < numHeads; h++) heads.push(attend(tf, cols(q, h), cols(k, h), cols(v, h), Math.sqrt(dHead)));
  return tf.matMul(tf.concat(heads, 1), w.wo);
}

/** Seeded inputs: decoder tokens (seed `seed`), encoder tokens (`seed + 1`) and weights (`weightSeed`). */
function inputs(tf: Tf, seed: number, weightSeed: number): { dec: TF.Tensor2D; enc: TF.Tensor2D; w: Weights } {
  return { dec: randn(tf, [T_DEC, D_MODEL], seed), enc: randn(tf, [T_ENC, D_MODEL], seed + 1), w: randomWeights(tf, weightSeed) };
}

function row(tf: Tf, t: TF.Tensor2D, i: number): TF.Tensor2D {
  return tf.slice(t, [i, 0], [1, t.shape[1]]);
}

function replaceRow(tf: Tf, t: TF.Tensor2D, i: number, seed: number): TF.Tensor2D {
  const rows = tf.split(t, t.shape[0], 0);
  rows[i] = randn(tf, [1, t.shape[1]], seed);
  return tf.concat(rows, 0) as TF.Tensor2D;
}

export default defineSpec<Module>({
  exercise: "cross-attention",
  exports: ["crossAttention"],
  tests: [
    {
      name: "output has one row per decoder position: shape [tDec, dModel] (3 decoder tokens, 5 encoder tokens)",
      run: ({ tf, mod, expect }) => {
        const out = mod.crossAttention(randn(tf, [T_DEC, D_MODEL], 1), randn(tf, [T_ENC, D_MODEL], 2), randomWeights(tf, 10), 2);
        expect.shape(out, [T_DEC, D_MODEL], "crossAttention(decoderX [3, 6], encoderOut [5, 6], w, 2)");
      },
    },
    {
      name: "one head: softmax(Q·Kᵀ/√dModel)·V·wo with Q from the decoder and K, V from the encoder",
      run: ({ tf, mod, expect }) => {
        const { dec, enc, w } = inputs(tf, 3, 20);
        expect.close(mod.crossAttention(dec, enc, w, 1), expected(tf, dec, enc, w, 1), { what: "crossAttention(dec, enc, w, 1)" });
      },
    },
    {
      name: "three heads: attention per head (scaled by √(head size)), concatenated and projected by wo",
      run: ({ tf, mod, expect }) => {
        const { dec, enc, w } = inputs(tf, 5, 30);
        expect.close(mod.crossAttention(dec, enc, w, 3), expected(tf, dec, enc, w, 3), { what: "crossAttention(dec, enc, w, 3)" });
      },
    },
    {
      name: "changing the encoder output changes the result",
      run: ({ tf, mod, expect }) => {
        const { dec, enc, w } = inputs(tf, 7, 40);
        expectChanged(
          tf,
          expect,
          mod.crossAttention(dec, replaceRow(tf, enc, 2, 81), w, 2),
          mod.crossAttention(dec, enc, w, 2),
          "changing encoder token 2 should change the output: the keys and values come from the encoder",
        );
      },
    },
    {
      name: "the first decoder position can read the last encoder token (no causal mask in cross-attention)",
      run: ({ tf, mod, expect }) => {
        const { dec, enc, w } = inputs(tf, 9, 50);
        const before = mod.crossAttention(dec, enc, w, 2);
        const after = mod.crossAttention(dec, replaceRow(tf, enc, T_ENC - 1, 101), w, 2);
        expectChanged(tf, expect, row(tf, after, 0), row(tf, before, 0), "output row 0 should change when the last encoder token changes: every decoder position may attend to the whole input");
      },
    },
    {
      name: "queries come from the decoder: changing decoder token 0 changes output row 0 and no other row",
      run: ({ tf, mod, expect }) => {
        const { dec, enc, w } = inputs(tf, 11, 60);
        const before = mod.crossAttention(dec, enc, w, 2);
        const after = mod.crossAttention(replaceRow(tf, dec, 0, 111), enc, w, 2);
        expect.shape(after, [T_DEC, D_MODEL], "crossAttention(decoderX, encoderOut, w, 2)");
        expect.close(tf.slice(after, [1, 0], [T_DEC - 1, D_MODEL]), tf.slice(before, [1, 0], [T_DEC - 1, D_MODEL]), {
          what: "output rows 1-2 after changing decoder token 0",
        });
        expectChanged(tf, expect, row(tf, after, 0), row(tf, before, 0), "output row 0 should change when decoder token 0 (its query) changes");
      },
    },
    {
      name: "if every encoder token is the same vector e, every output row is e·wv·wo, whatever the decoder asks",
      run: ({ tf, mod, expect }) => {
        const dec = randn(tf, [T_DEC, D_MODEL], 13);
        const e = randn(tf, [1, D_MODEL], 14);
        const enc = tf.tile(e, [T_ENC, 1]) as TF.Tensor2D;
        const w = randomWeights(tf, 70);
        const value = tf.matMul(tf.matMul(e, w.wv), w.wo);
        expect.close(mod.crossAttention(dec, enc, w, 2), tf.tile(value, [T_DEC, 1]), {
          what: "crossAttention(dec, five copies of e, w, 2)",
        });
      },
    },
    {
      name: "numHeads that does not divide dModel throws an error saying so",
      run: ({ tf, mod, expect }) => {
        const { dec, enc, w } = inputs(tf, 15, 80);
        expect.throws(() => mod.crossAttention(dec, enc, w, 4), /divisible|divide/i, "crossAttention with dModel 6 and numHeads 4 should throw an error saying 6 is not divisible by 4");
      },
    },
  ],
});
