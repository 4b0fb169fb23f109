import type * as TF from "@tensorflow/tfjs";
import type { Expect } from "../../lib/grading/types";
import { defineSpec } from "../../lib/grading/spec";

type SamplingModule = {
  filterTopK: (logits: TF.Tensor1D, k: number) => TF.Tensor1D;
  filterTopP: (probs: TF.Tensor1D, p: number) => TF.Tensor1D;
  sampleToken: (probs: TF.Tensor1D, u: number) => number;
};

/** The returned value is a 1-D tensor of length n; its values. */
function values1d(expect: Expect, result: unknown, n: number, what: string): number[] {
  expect.tensor(result, what);
  const tensor = result as TF.Tensor1D;
  expect.shape(tensor, [n], what);
  return Array.from(tensor.dataSync());
}

/** Positions that top-k kept (finite) and dropped (-Infinity). */
function expectTopK(expect: Expect, result: unknown, logits: number[], kept: number[]): void {
  const out = values1d(expect, result, logits.length, "filterTopK result");
  logits.forEach((logit, i) => {
    if (kept.includes(i)) {
      expect.that(out[i] === Math.fround(logit), `filterTopK: logit ${i} (${logit}) is among the largest and must be kept unchanged, but it is ${out[i]}`);
    } else {
      expect.that(out[i] === -Infinity, `filterTopK: logit ${i} (${logit}) is not among the largest and must become -Infinity, but it is ${out[i]}`, {
        expected: "-Infinity",
        actual: String(out[i]),
      });
    }
  });
}

function expectToken(expect: Expect, actual: unknown, expected: number, what: string): void {
  expect.that(actual === expected, `${what}: expected token ${expected}, got ${String(actual)}`, {
    expected: String(expected),
    actual: String(actual),
  });
}

export default defineSpec<SamplingModule>({
  exercise: "sampling",
  exports: ["filterTopK", "filterTopP", "sampleToken"],
  tests: [
    {
      name: "top-k keeps the k largest logits in place and sets the others to -Infinity",
      run: ({ tf, mod, expect }) => {
        const logits = [1.5, -2, 4, 0, 3, 0.5];
        expectTopK(expect, mod.filterTopK(tf.tensor1d(logits), 3), logits, [0, 2, 4]);
        expectTopK(expect, mod.filterTopK(tf.tensor1d(logits), 1), logits, [2]);
      },
    },
    {
      name: "top-k with k at least the vocabulary size keeps every logit",
      run: ({ tf, mod, expect }) => {
        const logits = [0.2, -1, 3];
        expectTopK(expect, mod.filterTopK(tf.tensor1d(logits), 3), logits, [0, 1, 2]);
        expectTopK(expect, mod.filterTopK(tf.tensor1d(logits), 10), logits, [0, 1, 2]);
      },
    },
    {
      name: "after top-k, softmax gives the dropped tokens probability 0",
      run: ({ tf, mod, expect }) => {
        const filtered = mod.filterTopK(tf.tensor1d([2, 0, 1, -1]), 2);
        expect.tensor(filtered, "filterTopK result");
        expect.close(tf.softmax(filtered), [0.7310586, 0, 0.2689414, 0], { atol: 1e-6, what: "softmax of the filtered logits" });
      },
    },
    {
      name: "top-p keeps the token that makes the total cross p: [0.1, 0.5, 0.15, 0.25] with p = 0.6 keeps 0.5 and 0.25",
      run: ({ tf, mod, expect }) => {
        const out = values1d(expect, mod.filterTopP(tf.tensor1d([0.1, 0.5, 0.15, 0.25]), 0.6), 4, "filterTopP result");
        expect.close(out, [0, 2 / 3, 0, 1 / 3], { atol: 1e-6, what: "filterTopP([0.1, 0.5, 0.15, 0.25], 0.6)" });
      },
    },
    {
      name: "top-p stops as soon as the total reaches p exactly: [0.125, 0.5, 0.125, 0.25] with p = 0.75 keeps two tokens",
      run: ({ tf, mod, expect }) => {
        const out = values1d(expect, mod.filterTopP(tf.tensor1d([0.125, 0.5, 0.125, 0.25]), 0.75), 4, "filterTopP result");
        expect.close(out, [0, 2 / 3, 0, 1 / 3], { atol: 1e-6, what: "filterTopP([0.125, 0.5, 0.125, 0.25], 0.75)" });
      },
    },
    {
      name: "top-p with a small p keeps only the most likely token, renormalised to 1",
      run: ({ tf, mod, expect }) => {
        const out = values1d(expect, mod.filterTopP(tf.tensor1d([0.2, 0.1, 0.4, 0.3]), 0.05), 4, "filterTopP result");
        expect.close(out, [0, 0, 1, 0], { atol: 1e-6, what: "filterTopP([0.2, 0.1, 0.4, 0.3], 0.05)" });
      },
    },
    {
      name: "top-p with p = 1 keeps every token, even when float32 rounding leaves the total just under 1",
      run: ({ tf, mod, expect }) => {
        const probs = [0.2, 0.3, 0.1, 0.4];
        const out = values1d(expect, mod.filterTopP(tf.tensor1d(probs), 1), 4, "filterTopP result");
        expect.close(out, probs, { atol: 1e-6, what: "filterTopP(probs, 1)" });
      },
    },
    {
      name: "top-p returns a distribution at the original token ids that sums to 1",
      run: ({ tf, mod, expect }) => {
        const probs = tf.softmax(tf.tensor1d([0.3, 2.0, -1.0, 1.2, 0.0, 1.9]));
        const out = values1d(expect, mod.filterTopP(probs as TF.Tensor1D, 0.8), 6, "filterTopP result");
        expect.close(out.reduce((a, b) => a + b, 0), 1, { atol: 1e-5, what: "sum of the filtered probabilities" });
        const kept = out.map((v, i) => (v > 0 ? i : -1)).filter((i) => i >= 0);
        expect.that(JSON.stringify(kept) === "[1,3,5]", `filterTopP(p = 0.8) should keep tokens 1, 5 and 3 (the fewest most likely tokens that reach 0.8: 0.86 in all), at their own ids; it kept [${kept.join(", ")}]`);
      },
    },
    {
      name: "sampleToken returns the first id whose cumulative probability exceeds u",
      run: ({ tf, mod, expect }) => {
        const probs = tf.tensor1d([0.25, 0.5, 0.25]);
        const cases: Array<[number, number]> = [[0, 0], [0.2, 0], [0.25, 1], [0.5, 1], [0.7499, 1], [0.75, 2], [0.999, 2]];
        for (const [u, id] of cases) expectToken(expect, mod.sampleToken(probs, u), id, `sampleToken([0.25, 0.5, 0.25], u = ${u})`);
      },
    },
    {
      name: "sampleToken never draws a token of probability 0",
      run: ({ tf, mod, expect }) => {
        const probs = tf.tensor1d([0, 0.5, 0, 0.5, 0]);
        for (const [u, id] of [[0, 1], [0.25, 1], [0.5, 3], [0.9, 3]] as Array<[number, number]>) {
          expectToken(expect, mod.sampleToken(probs, u), id, `sampleToken([0, 0.5, 0, 0.5, 0], u = ${u})`);
        }
        // float32 thirds add up to just under 1: a u in that gap still gets a real token, the last possible one.
        const third = Math.fround(1 / 3);
        expectToken(expect, mod.sampleToken(tf.tensor1d([third, third, third, 0]), 0.99999997), 2, "sampleToken([1/3, 1/3, 1/3, 0], u = 0.99999997)");
      },
    },
    {
      name: "evenly spread u values draw each token in proportion to its probability",
      run: ({ tf, mod, expect }) => {
        const probs = tf.tensor1d([0.1, 0.6, 0.3]);
        const counts = [0, 0, 0];
        const draws = 1000;
        for (let i = 0; i < draws; i++) {
          const id = mod.sampleToken(probs, (i + 0.5) / draws);
          if (id === 0 || id === 1 || id === 2) counts[id]++;
        }
        expect.close(counts, [100, 600, 300], { atol: 1.5, what: "how often each token was drawn over 1000 evenly spread u" });
      },
    },
  ],
});
