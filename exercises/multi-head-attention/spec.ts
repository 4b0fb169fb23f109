import type * as TF from "@tensorflow/tfjs";
import { defineSpec } from "../../lib/grading/spec";
import type { Tf } from "../../lib/grading/types";
import { expectChanged, randn, randomWeights as seededWeights, type Weights } from "./test-params";

type Module = {
  multiHeadAttention: (x: TF.Tensor2D, w: Weights, numHeads: number, mask?: TF.Tensor2D) => TF.Tensor2D;
};

const SEQ = 5;
const D_MODEL = 6;

const randomWeights = (tf: Tf, seed: number): Weights => seededWeights(tf, D_MODEL, seed);

/** Plain single-head attention, softmax(q kᵀ / scale [+ mask]) v, written out for comparison. */
function attend(tf: Tf, q: TF.Tensor2D, k: TF.Tensor2D, v: TF.Tensor2D, scale: number, mask?: TF.Tensor2D): TF.Tensor2D {
  let scores = tf.div(tf.matMul(q, k, false, true), scale);
  if (mask) scores = tf.where(tf.equal(mask, 1), scores, tf.fill(scores.shape, -1e9));
  return tf.matMul(tf.softmax(scores), v);
}

/** Columns [h * dHead, (h + 1) * dHead) of t: the slice of features that belongs to head h. */
function headColumns(tf: Tf, t: TF.Tensor2D, h: number, dHead: number): TF.Tensor2D {
  return tf.slice(t, [0, h * dHead], [t.shape[0], dHead]);
}

/** The expected multi-head result, built head by head from the definition. */
function expected(tf: Tf, x: TF.Tensor2D, w: Weights, numHeads: number, mask?: TF.Tensor2D): TF.Tensor2D {
  const dHead = D_MODEL / numHeads;
  const q: TF.Tensor2D = tf.matMul(x, w.wq);
  const k: TF.Tensor2D = tf.matMul(x, w.wk);
  const v: TF.Tensor2D = tf.matMul(x, w.wv);
  const heads: TF.Tensor2D[] = [];
  for (let h = 0; h < numHeads; h++) {
    heads.push(attend(tf, headColumns(tf, q, h, dHead), headColumns(tf, k, h, dHead), headColumns(tf, v, h, dHead), Math.sqrt(dHead), mask));
  }
  return tf.matMul(tf.concat(heads, 1), w.wo);
}

function causal(tf: Tf, n: number): TF.Tensor2D {
  return tf.linalg.bandPart(tf.ones([n, n]), -1, 0) as TF.Tensor2D;
}

export default defineSpec<Module>({
  exercise: "multi-head-attention",
  exports: ["multiHeadAttention"],
  tests: [
    {
      name: "returns a tensor of shape [seq, dModel]",
      run: ({ tf, mod, expect }) => {
        const out = mod.multiHeadAttention(randn(tf, [SEQ, D_MODEL], 1), randomWeights(tf, 10), 3);
        expect.shape(out, [SEQ, D_MODEL], "multiHeadAttention(x of shape [5, 6], w, 3)");
      },
    },
    {
      name: "one head equals single-head attention softmax(QKᵀ/√dModel)·V followed by the wo projection",
      run: ({ tf, mod, expect }) => {
        const x = randn(tf, [SEQ, D_MODEL], 2);
        const w = randomWeights(tf, 20);
        const single = attend(tf, tf.matMul(x, w.wq), tf.matMul(x, w.wk), tf.matMul(x, w.wv), Math.sqrt(D_MODEL));
        expect.close(mod.multiHeadAttention(x, w, 1), tf.matMul(single, w.wo), { what: "multiHeadAttention(x, w, 1)" });
      },
    },
    {
      name: "with wo = identity, each head's columns are attention over its own slice of features, scaled by √(head size)",
      run: ({ tf, mod, expect }) => {
        const x = tf.mul(randn(tf, [SEQ, D_MODEL], 3), 1.5) as TF.Tensor2D;
        const w = { ...randomWeights(tf, 30), wo: tf.eye(D_MODEL) as TF.Tensor2D };
        const numHeads = 2;
        const dHead = D_MODEL / numHeads;
        const out = mod.multiHeadAttention(x, w, numHeads);
        expect.shape(out, [SEQ, D_MODEL], "multiHeadAttention(x, w, 2)");
        const q: TF.Tensor2D = tf.matMul(x, w.wq);
        const k: TF.Tensor2D = tf.matMul(x, w.wk);
        const v: TF.Tensor2D = tf.matMul(x, w.wv);
        for (let h = 0; h < numHeads; h++) {
          const head = attend(tf, headColumns(tf, q, h, dHead), headColumns(tf, k, h, dHead), headColumns(tf, v, h, dHead), Math.sqrt(dHead));
          expect.close(headColumns(tf, out, h, dHead), head, {
            what: `output columns ${h * dHead}-${(h + 1) * dHead - 1} (head ${h}, scaled by √${dHead})`,
          });
        }
      },
    },
    {
      name: "heads are independent: changing head 1's weights leaves head 0's output columns unchanged",
      run: ({ tf, mod, expect }) => {
        const x = randn(tf, [SEQ, D_MODEL], 4);
        const w = { ...randomWeights(tf, 40), wo: tf.eye(D_MODEL) as TF.Tensor2D };
        // New values for the columns of wq, wk, wv that feed head 1 (features 3-5 of 6).
        const keepHead0 = tf.concat([tf.ones([D_MODEL, 3]), tf.zeros([D_MODEL, 3])], 1);
        const changeHead1 = (t: TF.Tensor2D, seed: number) =>
          tf.add(tf.mul(t, keepHead0), tf.mul(randn(tf, [D_MODEL, D_MODEL], seed), tf.sub(1, keepHead0))) as TF.Tensor2D;
        const w2 = { wq: changeHead1(w.wq, 401), wk: changeHead1(w.wk, 402), wv: changeHead1(w.wv, 403), wo: w.wo };
        const before = mod.multiHeadAttention(x, w, 2);
        const after = mod.multiHeadAttention(x, w2, 2);
        expect.close(headColumns(tf, after, 0, 3), headColumns(tf, before, 0, 3), {
          what: "head 0's output columns after changing only head 1's weights",
        });
        expectChanged(tf, expect, headColumns(tf, after, 1, 3), headColumns(tf, before, 1, 3), "head 1's output columns should change when head 1's weights change");
      },
    },
    {
      name: "three heads: matches attention per head, concatenated in order and projected by wo",
      run: ({ tf, mod, expect }) => {
        const x = randn(tf, [SEQ, D_MODEL], 5);
        const w = randomWeights(tf, 50);
        expect.close(mod.multiHeadAttention(x, w, 3), expected(tf, x, w, 3), { what: "multiHeadAttention(x, w, 3)" });
      },
    },
    {
      name: "a mask is applied in every head (two heads, causal mask)",
      run: ({ tf, mod, expect }) => {
        const x = randn(tf, [SEQ, D_MODEL], 6);
        const w = randomWeights(tf, 60);
        const mask = causal(tf, SEQ);
        expect.close(mod.multiHeadAttention(x, w, 2, mask), expected(tf, x, w, 2, mask), {
          what: "multiHeadAttention(x, w, 2, causalMask)",
        });
      },
    },
    {
      name: "under a causal mask, changing a later token leaves the earlier outputs unchanged",
      run: ({ tf, mod, expect }) => {
        const x = randn(tf, [SEQ, D_MODEL], 7);
        const w = randomWeights(tf, 70);
        const mask = causal(tf, SEQ);
        // Replace the last token's vector.
        const lastChanged = tf.concat([tf.slice(x, [0, 0], [SEQ - 1, D_MODEL]), randn(tf, [1, D_MODEL], 71)], 0) as TF.Tensor2D;
        const before = mod.multiHeadAttention(x, w, 3, mask);
        const after = mod.multiHeadAttention(lastChanged, w, 3, mask);
        expect.close(tf.slice(after, [0, 0], [SEQ - 1, D_MODEL]), tf.slice(before, [0, 0], [SEQ - 1, D_MODEL]), {
          what: "outputs at positions 0-3 after changing token 4",
        });
        expectChanged(tf, expect, tf.slice(after, [SEQ - 1, 0], [1, D_MODEL]), tf.slice(before, [SEQ - 1, 0], [1, D_MODEL]), "the output at the changed position itself should change");
      },
    },
    {
      name: "numHeads that does not divide dModel throws an error saying so",
      run: ({ tf, mod, expect }) => {
        const x = randn(tf, [SEQ, D_MODEL], 8);
        const w = randomWeights(tf, 80);
        expect.throws(() => mod.multiHeadAttention(x, w, 4), /divisible|divide/i, "multiHeadAttention with dModel 6 and numHeads 4 should throw an error saying 6 is not divisible by 4");
      },
    },
  ],
});
