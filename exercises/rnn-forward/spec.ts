import type * as TF from "@tensorflow/tfjs";
import { defineSpec } from "../../lib/grading/spec";
import type { Tf } from "../../lib/grading/types";

type Params = { wx: TF.Tensor2D; wh: TF.Tensor2D; b: TF.Tensor1D };
type Module = { rnnForward: (xs: TF.Tensor2D, p: Params) => TF.Tensor2D };

/** A hand-checkable RNN: dIn 2, dHidden 2, with a non-symmetric wh. */
function smallParams(tf: Tf): Params {
  return {
    wx: tf.tensor2d([[0.5, -0.3], [0.2, 0.8]]),
    wh: tf.tensor2d([[0.9, 0.4], [-0.6, 0.1]]),
    b: tf.tensor1d([0.1, -0.1]),
  };
}
const SMALL_XS = [[1, 0], [0, 1], [1, 1]];
// h1 = tanh([1, 0]·wx + b) = tanh([0.6, -0.4]); h2 = tanh([0, 1]·wx + h1·wh + b); h3 likewise.
const SMALL_STATES = [
  [0.5370496, -0.379949],
  [0.766305, 0.7048251],
  [0.7882448, 0.650984],
];

function randomParams(tf: Tf, dIn: number, dHidden: number, seed: number): Params {
  return {
    wx: tf.randomNormal([dIn, dHidden], 0, 0.8, "float32", seed) as TF.Tensor2D,
    wh: tf.randomNormal([dHidden, dHidden], 0, 0.8, "float32", seed + 1) as TF.Tensor2D,
    b: tf.randomNormal([dHidden], 0, 0.3, "float32", seed + 2) as TF.Tensor1D,
  };
}

function randomInputs(tf: Tf, steps: number, dIn: number, seed: number): TF.Tensor2D {
  return tf.randomNormal([steps, dIn], 0, 1, "float32", seed) as TF.Tensor2D;
}

function rows(tf: Tf, t: TF.Tensor2D, start: number, count: number): TF.Tensor2D {
  return tf.slice(t, [start, 0], [count, t.shape[1]]);
}

export default defineSpec<Module>({
  exercise: "rnn-forward",
  exports: ["rnnForward"],
  tests: [
    {
      name: "returns every hidden state: shape [T, dHidden] (T 5, dIn 3, dHidden 4)",
      run: ({ tf, mod, expect }) => {
        const out = mod.rnnForward(randomInputs(tf, 5, 3, 1), randomParams(tf, 3, 4, 10));
        expect.shape(out, [5, 4], "rnnForward(xs of shape [5, 3], p with dHidden 4)");
      },
    },
    {
      name: "h_0 = 0, so the first row is tanh(x_1·wx + b)",
      run: ({ tf, mod, expect }) => {
        const out = mod.rnnForward(tf.tensor2d(SMALL_XS), smallParams(tf));
        expect.shape(out, [3, 2], "rnnForward(xs of shape [3, 2], p)");
        expect.close(rows(tf, out, 0, 1), [SMALL_STATES[0]], { what: "first hidden state h_1 = tanh([0.6, -0.4])" });
      },
    },
    {
      name: "three steps of h_t = tanh(x_t·wx + h_{t-1}·wh + b) on a hand-checked example",
      run: ({ tf, mod, expect }) => {
        expect.close(mod.rnnForward(tf.tensor2d(SMALL_XS), smallParams(tf)), SMALL_STATES, { what: "rnnForward(xs, p)" });
      },
    },
    {
      name: "the state carries memory: changing the first input changes the last state",
      run: ({ tf, mod, expect }) => {
        const xs = randomInputs(tf, 4, 3, 2);
        const p = randomParams(tf, 3, 4, 20);
        const changedFirst = tf.concat([randomInputs(tf, 1, 3, 21), rows(tf, xs, 1, 3)], 0) as TF.Tensor2D;
        const before = rows(tf, mod.rnnForward(xs, p), 3, 1);
        const after = rows(tf, mod.rnnForward(changedFirst, p), 3, 1);
        const change = tf.max(tf.abs(tf.sub(after, before))).dataSync()[0];
        expect.that(change > 1e-4, "h_4 should depend on x_1 through the recurrence h_{t-1}·wh", {
          expected: "a change in the last state > 0.0001",
          actual: `largest change ${change}`,
        });
      },
    },
    {
      name: "the state only looks back: changing the last input leaves the earlier states unchanged",
      run: ({ tf, mod, expect }) => {
        const xs = randomInputs(tf, 4, 3, 3);
        const p = randomParams(tf, 3, 4, 30);
        const changedLast = tf.concat([rows(tf, xs, 0, 3), randomInputs(tf, 1, 3, 31)], 0) as TF.Tensor2D;
        expect.close(rows(tf, mod.rnnForward(changedLast, p), 0, 3), rows(tf, mod.rnnForward(xs, p), 0, 3), {
          what: "states h_1..h_3 after changing x_4",
        });
      },
    },
    {
      name: "with wh = 0 there is no memory: each state is tanh(x_t·wx + b) on its own",
      run: ({ tf, mod, expect }) => {
        const xs = randomInputs(tf, 5, 3, 4);
        const p = { ...randomParams(tf, 3, 4, 40), wh: tf.zeros([4, 4]) as TF.Tensor2D };
        expect.close(mod.rnnForward(xs, p), tf.tanh(tf.add(tf.matMul(xs, p.wx), p.b)), { what: "rnnForward(xs, p with wh = 0)" });
      },
    },
    {
      name: "tanh keeps every state strictly between -1 and 1, even for large inputs",
      run: ({ tf, mod, expect }) => {
        const xs = tf.mul(randomInputs(tf, 6, 3, 5), 50) as TF.Tensor2D;
        const out = mod.rnnForward(xs, randomParams(tf, 3, 4, 50));
        expect.finite(out, "rnnForward with inputs around ±50");
        const largest = tf.max(tf.abs(out)).dataSync()[0];
        expect.that(largest <= 1, "every hidden state must lie in [-1, 1]: apply tanh at every step", {
          expected: "max |h| <= 1",
          actual: `max |h| = ${largest}`,
        });
      },
    },
    {
      name: "matches the recurrence step by step on random weights (T 6, dIn 3, dHidden 4)",
      run: ({ tf, mod, expect }) => {
        const xs = randomInputs(tf, 6, 3, 6);
        const p = randomParams(tf, 3, 4, 60);
        let h: TF.Tensor2D = tf.zeros([1, 4]);
        const states: TF.Tensor2D[] = [];
        for (let t = 0; t < 6; t++) {
          h = tf.tanh(tf.add<TF.Tensor2D>(tf.add(tf.matMul(rows(tf, xs, t, 1), p.wx), tf.matMul(h, p.wh)), p.b));
          states.push(h);
        }
        expect.close(mod.rnnForward(xs, p), tf.concat(states, 0), { what: "rnnForward(xs, p)" });
      },
    },
  ],
});
