import type * as TF from "@tensorflow/tfjs";
import { defineSpec } from "../../lib/grading/spec";
import type { Expect, SpecTest } from "../../lib/grading/types";
import { blockParams, det } from "./test-params";

type Params = ReturnType<typeof blockParams>;
type BlockModule = { gptBlock: (x: TF.Tensor2D, p: Params, numHeads: number) => TF.Tensor2D };

/** Runs the block and checks that it returns a finite [seq, dModel] tensor. */
function run(expect: Expect, mod: BlockModule, x: TF.Tensor2D, p: Params, heads: number): TF.Tensor2D {
  const out = mod.gptBlock(x, p, heads);
  expect.tensor(out, "gptBlock result");
  expect.shape(out, x.shape, "gptBlock result");
  expect.finite(out, "gptBlock result");
  return out;
}

/** The tanh GELU of GPT-2, on one number. */
const gelu = (z: number) => 0.5 * z * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (z + 0.044715 * z ** 3)));

/** Parameters whose attention and feed-forward outputs are zero: wo, w2 and b2 all 0. */
function silent(tf: typeof TF, p: Params): Params {
  const d = p.attn.wo.shape[0];
  return { ...p, attn: { ...p.attn, wo: tf.zeros([d, d]) }, ffn: { ...p.ffn, w2: tf.zerosLike(p.ffn.w2), b2: tf.zeros([d]) } };
}

const X = det(12, 100); // 3 positions x 4 features

/** A test that the worked example (X, the parameters of seed 1) run with `heads` heads gives `expected`. */
function matchesWorkedExample(heads: number, what: string, expected: number[][]): SpecTest<BlockModule>["run"] {
  return ({ tf, mod, expect }) => {
    const out = run(expect, mod, tf.tensor2d(X, [3, 4]), blockParams(tf, 4, 8, 1), heads);
    expect.close(out, expected, { atol: 2e-4, what });
  };
}

export default defineSpec<BlockModule>({
  exercise: "gpt-block",
  exports: ["gptBlock"],
  tests: [
    {
      name: "returns [seq, dModel] and matches a worked example (3 positions, dModel 4, 2 heads, dFF 8)",
      run: matchesWorkedExample(2, "gptBlock output", [
        [-1.615945, 1.60627, -1.44657, 1.15176],
        [-1.409019, 0.975042, -0.449996, -0.11708],
        [0.120907, -0.45514, 0.746864, -0.968831],
      ]),
    },
    {
      name: "splits attention into numHeads heads: the same input with 1 head gives the 1-head result",
      run: matchesWorkedExample(1, "gptBlock output with numHeads = 1", [
        [-1.615945, 1.60627, -1.44657, 1.15176],
        [-1.452494, 1.006578, -0.466646, -0.11687],
        [0.235464, -0.552854, 0.818608, -1.007904],
      ]),
    },
    {
      name: "is pre-norm: when attention and the feed-forward network output nothing, the block returns x unchanged",
      run: ({ tf, mod, expect }) => {
        const x = tf.tensor2d(X, [3, 4]);
        expect.close(run(expect, mod, x, silent(tf, blockParams(tf, 4, 8, 2)), 2), x, {
          atol: 1e-6,
          what: "output with wo, w2 and b2 all zero (the residual path alone)",
        });
      },
    },
    {
      name: "is causal: changing the last token never changes the outputs at earlier positions",
      run: ({ tf, mod, expect }) => {
        const p = blockParams(tf, 4, 8, 3);
        const a = run(expect, mod, tf.tensor2d(X, [3, 4]), p, 2);
        const changed = [...X.slice(0, 8), 3, -2, 1, 0.5];
        const b = run(expect, mod, tf.tensor2d(changed, [3, 4]), p, 2);
        expect.close(tf.slice(b, [0, 0], [2, 4]), tf.slice(a, [0, 0], [2, 4]), { atol: 1e-5, what: "positions 0 and 1 after the last token changed" });
        const lastMoved = Math.max(...Array.from(tf.abs(tf.sub(tf.slice(b, [2, 0], [1, 4]), tf.slice(a, [2, 0], [1, 4]))).dataSync()));
        expect.that(lastMoved > 1e-3, "the last position's output should depend on the last token", { expected: "a change", actual: lastMoved.toExponential(2) });
      },
    },
    {
      name: "feeds the normalised input to each sub-layer and GELU (tanh form) to the feed-forward network",
      run: ({ tf, mod, expect }) => {
        // gamma = 0 makes LN1(x) = beta1 and LN2(h) = beta2 on every row, whatever x is. With
        // wv = wo = I, attention then adds beta1 to each row; with w1 = w2 = I and zero biases
        // the feed-forward network adds gelu(beta2). So out = x + beta1 + gelu(beta2).
        const eye = tf.eye(4) as TF.Tensor2D;
        const beta1 = [0.3, -0.2, 0.1, 0];
        const beta2 = [-1, 0.5, 2, -0.25];
        const p = blockParams(tf, 4, 4, 4);
        const q: Params = {
          ln1: { gamma: tf.zeros([4]), beta: tf.tensor1d(beta1) },
          attn: { ...p.attn, wv: eye, wo: eye },
          ln2: { gamma: tf.zeros([4]), beta: tf.tensor1d(beta2) },
          ffn: { w1: eye, b1: tf.zeros([4]), w2: eye, b2: tf.zeros([4]) },
        };
        const expected = [0, 1, 2].map((row) => [0, 1, 2, 3].map((j) => X[row * 4 + j] + beta1[j] + gelu(beta2[j])));
        expect.close(run(expect, mod, tf.tensor2d(X, [3, 4]), q, 2), expected, { atol: 2e-5, what: "x + beta1 + gelu(beta2)" });
      },
    },
    {
      name: "layer norm uses eps = 1e-5: a row of nearly equal features is not blown up",
      run: ({ tf, mod, expect }) => {
        // One token whose features differ by 1e-3: variance 2.5e-7, far below eps. Attention is
        // silenced (wo = 0) and the FFN is gelu(LN2(x)) with identity weights.
        const row = [1, 1.001, 1, 1.001];
        const eye = tf.eye(4) as TF.Tensor2D;
        const p = blockParams(tf, 4, 4, 5);
        const q: Params = {
          ...p,
          attn: { ...p.attn, wo: tf.zeros([4, 4]) },
          ln2: { gamma: tf.ones([4]), beta: tf.zeros([4]) },
          ffn: { w1: eye, b1: tf.zeros([4]), w2: eye, b2: tf.zeros([4]) },
        };
        const mean = 1.0005;
        const variance = 0.0005 ** 2;
        const expected = row.map((v) => v + gelu((v - mean) / Math.sqrt(variance + 1e-5)));
        expect.close(run(expect, mod, tf.tensor2d([row]), q, 1), [expected], { atol: 5e-4, what: "output for a row with nearly equal features" });
      },
    },
  ],
});
