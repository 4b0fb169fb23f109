import type * as TF from "@tensorflow/tfjs";
import { defineSpec } from "../../lib/grading/spec";
import type { Tf } from "../../lib/grading/types";

type Module = {
  layerNorm: (x: TF.Tensor2D, gamma: TF.Tensor1D, beta: TF.Tensor1D, eps?: number) => TF.Tensor2D;
};

const ones = (tf: Tf, n: number) => tf.ones([n]) as TF.Tensor1D;
const zeros = (tf: Tf, n: number) => tf.zeros([n]) as TF.Tensor1D;

export default defineSpec<Module>({
  exercise: "layer-norm",
  exports: ["layerNorm"],
  tests: [
    {
      name: "returns a tensor with the same shape as x",
      run: ({ tf, mod, expect }) => {
        const out = mod.layerNorm(tf.randomNormal([3, 5], 0, 1, "float32", 1) as TF.Tensor2D, ones(tf, 5), zeros(tf, 5));
        expect.shape(out, [3, 5], "layerNorm(x of shape [3, 5], ...)");
      },
    },
    {
      name: "normalises one row: [1, 2, 3, 4] -> [-1.342, -0.447, 0.447, 1.342] (biased variance 1.25)",
      run: ({ tf, mod, expect }) => {
        expect.close(mod.layerNorm(tf.tensor2d([[1, 2, 3, 4]]), ones(tf, 4), zeros(tf, 4)), [[-1.3416354, -0.4472118, 0.4472118, 1.3416354]], {
          what: "layerNorm([[1, 2, 3, 4]], gamma = 1, beta = 0)",
        });
      },
    },
    {
      name: "with gamma = 1 and beta = 0, every row has mean 0 and biased variance 1",
      run: ({ tf, mod, expect }) => {
        // Rows with different centres and spreads, so statistics over the wrong axis show.
        const x = tf.add(tf.mul(tf.randomNormal([4, 8], 0, 1, "float32", 2), tf.tensor2d([[3], [0.5], [8], [2]])), tf.tensor2d([[10], [-4], [0], [1]])) as TF.Tensor2D;
        const out = mod.layerNorm(x, ones(tf, 8), zeros(tf, 8));
        expect.shape(out, [4, 8], "layerNorm(x of shape [4, 8], ...)");
        const { mean, variance } = tf.moments(out, 1);
        expect.close(mean, [0, 0, 0, 0], { atol: 1e-4, what: "mean of each output row" });
        expect.close(variance, [1, 1, 1, 1], { atol: 1e-3, what: "biased variance (divide by dModel) of each output row" });
      },
    },
    {
      name: "gamma scales and beta shifts each feature (column) after normalising",
      run: ({ tf, mod, expect }) => {
        const out = mod.layerNorm(tf.tensor2d([[1, 2, 3, 4], [2, -4, 6, 0]]), tf.tensor1d([1, 2, 0.5, -1]), tf.tensor1d([0, 1, -1, 0.5]));
        expect.close(out, [[-1.3416354, 0.1055764, -0.7763941, -0.8416354], [0.27735, -1.7734999, -0.306625, 0.77735]], {
          what: "layerNorm(x, gamma = [1, 2, 0.5, -1], beta = [0, 1, -1, 0.5])",
        });
      },
    },
    {
      name: "each row is normalised on its own: shifting or scaling one row leaves its output unchanged",
      run: ({ tf, mod, expect }) => {
        const x = tf.randomNormal([3, 6], 0, 1, "float32", 3) as TF.Tensor2D;
        const g = tf.randomNormal([6], 1, 0.5, "float32", 4) as TF.Tensor1D;
        const b = tf.randomNormal([6], 0, 0.5, "float32", 5) as TF.Tensor1D;
        // Row 0 scaled by 3 and shifted by 7; rows 1 and 2 untouched.
        const moved = tf.add(tf.mul(x, tf.tensor2d([[3], [1], [1]])), tf.tensor2d([[7], [0], [0]])) as TF.Tensor2D;
        expect.close(mod.layerNorm(moved, g, b), mod.layerNorm(x, g, b), { atol: 1e-4, what: "layerNorm(x with row 0 -> 3 * row 0 + 7)" });
      },
    },
    {
      name: "eps defaults to 1e-5, inside the square root: [0, 0.002, 0, 0.002] -> ±0.3015",
      run: ({ tf, mod, expect }) => {
        // Variance 1e-6 is smaller than eps, so eps decides the answer: 0.001 / sqrt(1e-6 + 1e-5).
        expect.close(mod.layerNorm(tf.tensor2d([[0, 0.002, 0, 0.002]]), ones(tf, 4), zeros(tf, 4)), [[-0.3015113, 0.3015113, -0.3015113, 0.3015113]], {
          atol: 1e-3,
          what: "layerNorm([[0, 0.002, 0, 0.002]], gamma = 1, beta = 0) with the default eps",
        });
      },
    },
    {
      name: "an explicit eps is used: eps = 1e-6 gives [0, 0.002, 0, 0.002] -> ±0.7071",
      run: ({ tf, mod, expect }) => {
        expect.close(mod.layerNorm(tf.tensor2d([[0, 0.002, 0, 0.002]]), ones(tf, 4), zeros(tf, 4), 1e-6), [[-0.7071068, 0.7071068, -0.7071068, 0.7071068]], {
          atol: 1e-3,
          what: "layerNorm([[0, 0.002, 0, 0.002]], gamma = 1, beta = 0, eps = 1e-6)",
        });
      },
    },
    {
      name: "a constant row (variance 0) gives beta, not NaN",
      run: ({ tf, mod, expect }) => {
        const out = mod.layerNorm(tf.tensor2d([[5, 5, 5], [1, 2, 3]]), tf.tensor1d([2, 2, 2]), tf.tensor1d([0.5, -1, 0]));
        expect.finite(out, "layerNorm of a row of identical values");
        expect.close(tf.slice(out, [0, 0], [1, 3]), [[0.5, -1, 0]], { what: "layerNorm([[5, 5, 5]]) with beta = [0.5, -1, 0]" });
      },
    },
  ],
});
