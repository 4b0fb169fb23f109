import type * as TF from "@tensorflow/tfjs";
import { defineSpec } from "../../lib/grading/spec";
import type { Tf } from "../../lib/grading/types";

type EncoderParams = {
  wq: TF.Tensor2D; wk: TF.Tensor2D; wv: TF.Tensor2D; wo: TF.Tensor2D;
  w1: TF.Tensor2D; b1: TF.Tensor1D; w2: TF.Tensor2D; b2: TF.Tensor1D;
  gamma1: TF.Tensor1D; beta1: TF.Tensor1D; gamma2: TF.Tensor1D; beta2: TF.Tensor1D;
};
type Module = { encoderBlock: (x: TF.Tensor2D, p: EncoderParams, numHeads: number) => TF.Tensor2D };

const SEQ = 4;
const D_MODEL = 6;
const D_FF = 12;

function randn(tf: Tf, shape: number[], seed: number, mean = 0, std = 1): TF.Tensor {
  return tf.randomNormal(shape, mean, std, "float32", seed);
}

/** Random parameters; the norms get gammas near 1 and betas near 0, all different. */
function randomParams(tf: Tf, seed: number): EncoderParams {
  const m = (rows: number, cols: number, s: number) => randn(tf, [rows, cols], seed + s, 0, 0.6) as TF.Tensor2D;
  const v = (n: number, s: number, mean: number) => randn(tf, [n], seed + s, mean, 0.3) as TF.Tensor1D;
  return {
    wq: m(D_MODEL, D_MODEL, 1), wk: m(D_MODEL, D_MODEL, 2), wv: m(D_MODEL, D_MODEL, 3), wo: m(D_MODEL, D_MODEL, 4),
    w1: m(D_MODEL, D_FF, 5), b1: v(D_FF, 6, 0), w2: m(D_FF, D_MODEL, 7), b2: v(D_MODEL, 8, 0),
    gamma1: v(D_MODEL, 9, 1), beta1: v(D_MODEL, 10, 0), gamma2: v(D_MODEL, 11, 1), beta2: v(D_MODEL, 12, 0),
  };
}

// The pieces written out from their definitions, to build expected values.
function layerNorm(tf: Tf, x: TF.Tensor2D, gamma: TF.Tensor1D, beta: TF.Tensor1D): TF.Tensor2D {
  const { mean, variance } = tf.moments(x, 1, true);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-5))), gamma), beta) as TF.Tensor2D;
}
function selfAttention(tf: Tf, x: TF.Tensor2D, p: EncoderParams, numHeads: number): TF.Tensor2D {
  const dHead = D_MODEL / numHeads;
  const q = tf.split(tf.matMul(x, p.wq), numHeads, 1);
  const k = tf.split(tf.matMul(x, p.wk), numHeads, 1);
  const v = tf.split(tf.matMul(x, p.wv), numHeads, 1);
  const heads = q.map((qh, h) => tf.matMul(tf.softmax(tf.div(tf.matMul(qh, k[h], false, true), Math.sqrt(dHead))), v[h]));
  return tf.matMul(tf.concat(heads, 1), p.wo);
}
function feedForward(tf: Tf, x: TF.Tensor2D, p: EncoderParams): TF.Tensor2D {
  return tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, p.w1), p.b1)), p.w2), p.b2) as TF.Tensor2D;
}
/** Post-norm: h = LN1(x + MHA(x)), out = LN2(h + FFN(h)). */
function postNormBlock(tf: Tf, x: TF.Tensor2D, p: EncoderParams, numHeads: number): TF.Tensor2D {
  const h = layerNorm(tf, tf.add(x, selfAttention(tf, x, p, numHeads)) as TF.Tensor2D, p.gamma1, p.beta1);
  return layerNorm(tf, tf.add(h, feedForward(tf, h, p)) as TF.Tensor2D, p.gamma2, p.beta2);
}

/** Input rows with different centres and spreads, so a missing norm is obvious. */
function input(tf: Tf, seed: number): TF.Tensor2D {
  return tf.add(tf.mul(randn(tf, [SEQ, D_MODEL], seed), 2), tf.tensor2d([[3], [-1], [0.5], [6]])) as TF.Tensor2D;
}

export default defineSpec<Module>({
  exercise: "encoder-block",
  exports: ["encoderBlock"],
  tests: [
    {
      name: "returns [seq, dModel]",
      run: ({ tf, mod, expect }) => {
        const out = mod.encoderBlock(input(tf, 1), randomParams(tf, 10), 2);
        expect.shape(out, [SEQ, D_MODEL], "encoderBlock(x of shape [4, 6], p, 2)");
      },
    },
    {
      name: "with both sub-layers zeroed (wo = 0, w2 = 0, b2 = 0) and plain norms, the block is layer norm of its input",
      run: ({ tf, mod, expect }) => {
        const x = input(tf, 2);
        const ones = tf.ones([D_MODEL]) as TF.Tensor1D;
        const zeros = tf.zeros([D_MODEL]) as TF.Tensor1D;
        const p: EncoderParams = {
          ...randomParams(tf, 20),
          wo: tf.zeros([D_MODEL, D_MODEL]) as TF.Tensor2D,
          w2: tf.zeros([D_FF, D_MODEL]) as TF.Tensor2D,
          b2: zeros,
          gamma1: ones, beta1: zeros, gamma2: ones, beta2: zeros,
        };
        // Attention and the FFN now add nothing, so only the residual path and the norms remain.
        expect.close(mod.encoderBlock(x, p, 2), layerNorm(tf, x, ones, zeros), { what: "encoderBlock(x) with zeroed sub-layers vs layerNorm(x)" });
      },
    },
    {
      name: "post-norm: the last step is a layer norm, so with gamma2 = 1, beta2 = 0 each output row has mean 0 and variance 1",
      run: ({ tf, mod, expect }) => {
        const p = { ...randomParams(tf, 30), gamma2: tf.ones([D_MODEL]) as TF.Tensor1D, beta2: tf.zeros([D_MODEL]) as TF.Tensor1D };
        const out = mod.encoderBlock(input(tf, 3), p, 2);
        expect.shape(out, [SEQ, D_MODEL], "encoderBlock(x, p, 2)");
        const { mean, variance } = tf.moments(out, 1);
        expect.close(mean, [0, 0, 0, 0], { what: "mean of each output row (the block must end with LN2)" });
        expect.close(variance, [1, 1, 1, 1], { atol: 1e-3, what: "variance of each output row (the block must end with LN2)" });
      },
    },
    {
      name: "the feed-forward network reads h = LN1(x + attention), not x: with wo = 0 the output is LN2(h + FFN(h)), h = LN1(x)",
      run: ({ tf, mod, expect }) => {
        const x = input(tf, 4);
        const p = { ...randomParams(tf, 40), wo: tf.zeros([D_MODEL, D_MODEL]) as TF.Tensor2D };
        const h = layerNorm(tf, x, p.gamma1, p.beta1);
        const want = layerNorm(tf, tf.add(h, feedForward(tf, h, p)) as TF.Tensor2D, p.gamma2, p.beta2);
        expect.close(mod.encoderBlock(x, p, 2), want, { what: "encoderBlock(x) with the attention output zeroed" });
      },
    },
    {
      name: "matches h = LN1(x + MHA(x)), out = LN2(h + FFN(h)) on random weights with 2 heads",
      run: ({ tf, mod, expect }) => {
        const x = input(tf, 5);
        const p = randomParams(tf, 50);
        expect.close(mod.encoderBlock(x, p, 2), postNormBlock(tf, x, p, 2), { what: "encoderBlock(x, p, 2)" });
      },
    },
    {
      name: "passes numHeads on to the attention: matches the reference with 3 heads",
      run: ({ tf, mod, expect }) => {
        const x = input(tf, 6);
        const p = randomParams(tf, 60);
        expect.close(mod.encoderBlock(x, p, 3), postNormBlock(tf, x, p, 3), { what: "encoderBlock(x, p, 3)" });
      },
    },
  ],
});
