import type * as TF from "@tensorflow/tfjs";
import { defineSpec } from "../../lib/grading/spec";
import type { Tf } from "../../lib/grading/types";

type Module = {
  nextTokenProbs: (hidden: TF.Tensor1D, w: TF.Tensor2D, b: TF.Tensor1D, temperature?: number) => TF.Tensor1D;
  greedyToken: (probs: TF.Tensor1D) => number;
};

// dModel 2, vocabulary of 4. logits = hidden·w + b = [1, 2.5, 1, -0.5].
function small(tf: Tf) {
  return {
    hidden: tf.tensor1d([1, 2]),
    w: tf.tensor2d([[1, 0, -1, 0.5], [0, 1, 1, -0.5]]),
    b: tf.tensor1d([0, 0.5, 0, 0]),
  };
}
const PROBS_T1 = [0.1491465, 0.668428, 0.1491465, 0.0332791];
const PROBS_T05 = [0.0451767, 0.9073975, 0.0451767, 0.0022492];

function random(tf: Tf, dModel: number, vocab: number, seed: number) {
  return {
    hidden: tf.randomNormal([dModel], 0, 1, "float32", seed) as TF.Tensor1D,
    w: tf.randomNormal([dModel, vocab], 0, 1, "float32", seed + 1) as TF.Tensor2D,
    b: tf.randomNormal([vocab], 0, 1, "float32", seed + 2) as TF.Tensor1D,
  };
}

const values = (t: TF.Tensor): number[] => Array.from(t.dataSync());

export default defineSpec<Module>({
  exercise: "next-token",
  exports: ["nextTokenProbs", "greedyToken"],
  tests: [
    {
      name: "returns one probability per vocabulary entry (shape [vocab]) and they sum to 1",
      run: ({ tf, mod, expect }) => {
        const { hidden, w, b } = random(tf, 8, 20, 1);
        const probs = mod.nextTokenProbs(hidden, w, b);
        expect.shape(probs, [20], "nextTokenProbs(hidden [8], w [8, 20], b [20])");
        expect.close(tf.sum(probs), 1, { atol: 1e-5, what: "sum of the probabilities" });
        expect.that(values(probs).every((p) => p >= 0), "every probability must be >= 0");
      },
    },
    {
      name: "computes softmax(hidden·w + b) on a small example: logits [1, 2.5, 1, -0.5]",
      run: ({ tf, mod, expect }) => {
        const { hidden, w, b } = small(tf);
        expect.close(mod.nextTokenProbs(hidden, w, b), PROBS_T1, { atol: 1e-5, what: "nextTokenProbs(hidden, w, b)" });
      },
    },
    {
      name: "temperature divides the logits: T = 0.5 gives softmax([2, 5, 2, -1])",
      run: ({ tf, mod, expect }) => {
        const { hidden, w, b } = small(tf);
        expect.close(mod.nextTokenProbs(hidden, w, b, 0.5), PROBS_T05, { atol: 1e-5, what: "nextTokenProbs(hidden, w, b, 0.5)" });
      },
    },
    {
      name: "the default temperature is 1",
      run: ({ tf, mod, expect }) => {
        const { hidden, w, b } = random(tf, 6, 10, 2);
        expect.close(mod.nextTokenProbs(hidden, w, b), mod.nextTokenProbs(hidden, w, b, 1), { atol: 1e-6, what: "nextTokenProbs(...) vs nextTokenProbs(..., 1)" });
      },
    },
    {
      name: "a low temperature sharpens the distribution and a high one flattens it",
      run: ({ tf, mod, expect }) => {
        const { hidden, w, b } = random(tf, 6, 10, 3);
        const top = (t: number) => Math.max(...values(mod.nextTokenProbs(hidden, w, b, t)));
        const [cold, normal, hot] = [top(0.5), top(1), top(3)];
        expect.that(cold > normal && normal > hot, "the top probability should grow as the temperature falls (T = 0.5 > T = 1 > T = 3)", {
          expected: "top(T=0.5) > top(T=1) > top(T=3)",
          actual: `top(T=0.5) = ${cold.toFixed(4)}, top(T=1) = ${normal.toFixed(4)}, top(T=3) = ${hot.toFixed(4)}`,
        });
        const veryHot = values(mod.nextTokenProbs(hidden, w, b, 1000));
        expect.close(veryHot, new Array(10).fill(0.1), { atol: 0.01, what: "nextTokenProbs at T = 1000 (nearly uniform)" });
      },
    },
    {
      name: "stays finite when the logits are in the thousands",
      run: ({ tf, mod, expect }) => {
        const { w, b } = small(tf);
        // logits = [1000, 1000.5, 0, 0]: exp(1000) overflows unless the maximum is subtracted first.
        const probs = mod.nextTokenProbs(tf.tensor1d([1000, 1000]), w, b);
        expect.finite(probs, "nextTokenProbs with logits [1000, 1000.5, 0, 0]");
        expect.close(probs, [0.3775407, 0.6224593, 0, 0], { atol: 1e-5, what: "nextTokenProbs with logits [1000, 1000.5, 0, 0]" });
      },
    },
    {
      name: "a temperature of 0 or below throws an error",
      run: ({ tf, mod, expect }) => {
        const { hidden, w, b } = small(tf);
        expect.throws(() => mod.nextTokenProbs(hidden, w, b, 0), /temperature/i, "nextTokenProbs(..., 0) should throw an error about the temperature");
        expect.throws(() => mod.nextTokenProbs(hidden, w, b, -1), /temperature/i, "nextTokenProbs(..., -1) should throw an error about the temperature");
      },
    },
    {
      name: "greedyToken returns the index of the largest probability, as a number",
      run: ({ tf, mod, expect }) => {
        const id = mod.greedyToken(tf.tensor1d([0.1, 0.05, 0.6, 0.25]));
        expect.that(typeof id === "number", "greedyToken must return a plain number (read it out of the tensor with dataSync or arraySync)", {
          expected: "a number",
          actual: typeof id === "object" ? "an object (a tensor?)" : typeof id,
        });
        expect.that(id === 2, "greedyToken([0.1, 0.05, 0.6, 0.25]) should be 2", { expected: "2", actual: String(id) });
      },
    },
    {
      name: "greedyToken breaks a tie by taking the lowest id",
      run: ({ tf, mod, expect }) => {
        const id = mod.greedyToken(tf.tensor1d([0.1, 0.4, 0.1, 0.4]));
        expect.that(id === 1, "greedyToken([0.1, 0.4, 0.1, 0.4]) should be 1 (the first of the two largest)", { expected: "1", actual: String(id) });
      },
    },
    {
      name: "the greedy token is the largest logit, whatever the temperature",
      run: ({ tf, mod, expect }) => {
        const { hidden, w, b } = random(tf, 6, 12, 4);
        const best = tf.argMax(tf.add(tf.dot(hidden, w), b)).dataSync()[0];
        for (const t of [0.3, 1, 4]) {
          const id = mod.greedyToken(mod.nextTokenProbs(hidden, w, b, t));
          expect.that(id === best, `greedyToken(nextTokenProbs(..., ${t})) should be ${best}, the id with the largest logit`, { expected: String(best), actual: String(id) });
        }
      },
    },
  ],
});
