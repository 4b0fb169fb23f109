import type * as TF from "@tensorflow/tfjs";
import { defineSpec } from "../../lib/grading/spec";
import type { Tf } from "../../lib/grading/types";

type Params = { w1: TF.Tensor2D; b1: TF.Tensor1D; w2: TF.Tensor2D; b2: TF.Tensor1D };
type Module = { feedForward: (x: TF.Tensor2D, p: Params) => TF.Tensor2D };

/** A hand-checkable network: dModel 2, dFF 3. */
function smallParams(tf: Tf): Params {
  return {
    w1: tf.tensor2d([[1, -1, 0.5], [0.5, 1, -1]]),
    b1: tf.tensor1d([0, 0.5, -0.5]),
    w2: tf.tensor2d([[1, -1], [2, 0], [-1, 1]]),
    b2: tf.tensor1d([0.1, -0.2]),
  };
}
// x·w1 + b1 = [[2, 1.5, -2], [-0.75, 2, -1.5], [-1, -1.5, 1.5]]; after ReLU every row
// has at least one zero, and the outputs include negative numbers.
const SMALL_X = [[1, 2], [-1, 0.5], [0, -2]];
const SMALL_OUT = [[5.1, -2.2], [4.1, -0.2], [-1.4, 1.3]];

/** One hidden unit, one feature: out = relu(x·a + b)·c + d. */
function scalarParams(tf: Tf, a: number, b: number, c: number, d: number): Params {
  return { w1: tf.tensor2d([[a]]), b1: tf.tensor1d([b]), w2: tf.tensor2d([[c]]), b2: tf.tensor1d([d]) };
}

function randomParams(tf: Tf, dModel: number, dFF: number, seed: number): Params {
  return {
    w1: tf.randomNormal([dModel, dFF], 0, 1, "float32", seed) as TF.Tensor2D,
    b1: tf.randomNormal([dFF], 0, 1, "float32", seed + 1) as TF.Tensor1D,
    w2: tf.randomNormal([dFF, dModel], 0, 1, "float32", seed + 2) as TF.Tensor2D,
    b2: tf.randomNormal([dModel], 0, 1, "float32", seed + 3) as TF.Tensor1D,
  };
}

export default defineSpec<Module>({
  exercise: "feed-forward",
  exports: ["feedForward"],
  tests: [
    {
      name: "returns [seq, dModel] when the hidden layer is wider (dModel 4, dFF 16)",
      run: ({ tf, mod, expect }) => {
        const x = tf.randomNormal([5, 4], 0, 1, "float32", 1) as TF.Tensor2D;
        const out = mod.feedForward(x, randomParams(tf, 4, 16, 10));
        expect.shape(out, [5, 4], "feedForward(x of shape [5, 4], p with dFF 16)");
      },
    },
    {
      name: "computes relu(x·w1 + b1)·w2 + b2 on a small hand-checked example",
      run: ({ tf, mod, expect }) => {
        expect.close(mod.feedForward(tf.tensor2d(SMALL_X), smallParams(tf)), SMALL_OUT, { what: "feedForward(x, p)" });
      },
    },
    {
      name: "ReLU zeroes a negative hidden value: relu(1·(-2) + 0)·3 + 0.5 = 0.5",
      run: ({ tf, mod, expect }) => {
        expect.close(mod.feedForward(tf.tensor2d([[1]]), scalarParams(tf, -2, 0, 3, 0.5)), [[0.5]], {
          what: "feedForward with one hidden unit whose input is -2",
        });
      },
    },
    {
      name: "b1 is added before the ReLU: relu(1·(-1) + 2)·1 + 0 = 1",
      run: ({ tf, mod, expect }) => {
        expect.close(mod.feedForward(tf.tensor2d([[1]]), scalarParams(tf, -1, 2, 1, 0)), [[1]], {
          what: "feedForward with x = 1, w1 = -1, b1 = 2, w2 = 1, b2 = 0",
        });
      },
    },
    {
      name: "no activation after the second layer: outputs can be negative, relu(1·1 + 0)·(-3) + 1 = -2",
      run: ({ tf, mod, expect }) => {
        expect.close(mod.feedForward(tf.tensor2d([[1]]), scalarParams(tf, 1, 0, -3, 1)), [[-2]], {
          what: "feedForward with x = 1, w1 = 1, b1 = 0, w2 = -3, b2 = 1",
        });
      },
    },
    {
      name: "matches relu(x·w1 + b1)·w2 + b2 on random weights (seq 6, dModel 4, dFF 8)",
      run: ({ tf, mod, expect }) => {
        const x = tf.randomNormal([6, 4], 0, 1, "float32", 2) as TF.Tensor2D;
        const p = randomParams(tf, 4, 8, 20);
        const want = tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, p.w1), p.b1)), p.w2), p.b2);
        expect.close(mod.feedForward(x, p), want, { what: "feedForward(x, p)" });
      },
    },
    {
      name: "position-wise: each output row equals the network applied to that input row alone",
      run: ({ tf, mod, expect }) => {
        const x = tf.randomNormal([6, 4], 0, 1, "float32", 3) as TF.Tensor2D;
        const p = randomParams(tf, 4, 8, 30);
        const all = mod.feedForward(x, p);
        for (let i = 0; i < 6; i++) {
          const alone = mod.feedForward(tf.slice(x, [i, 0], [1, 4]), p);
          expect.close(tf.slice(all, [i, 0], [1, 4]), alone, { what: `row ${i} of feedForward(x) vs feedForward(row ${i} alone)` });
        }
      },
    },
    {
      name: "position-wise: shuffling the input rows shuffles the output rows the same way",
      run: ({ tf, mod, expect }) => {
        const x = tf.randomNormal([6, 4], 0, 1, "float32", 4) as TF.Tensor2D;
        const p = randomParams(tf, 4, 8, 40);
        const order = tf.tensor1d([3, 0, 5, 1, 4, 2], "int32");
        const shuffledThenFfn = mod.feedForward(tf.gather(x, order) as TF.Tensor2D, p);
        const ffnThenShuffled = tf.gather(mod.feedForward(x, p), order);
        expect.close(shuffledThenFfn, ffnThenShuffled, { what: "feedForward(x with rows reordered [3, 0, 5, 1, 4, 2])" });
      },
    },
  ],
});
