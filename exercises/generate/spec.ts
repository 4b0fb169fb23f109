import type * as TF from "@tensorflow/tfjs";
import { defineSpec } from "../../lib/grading/spec";
import type { Expect } from "../../lib/grading/types";

interface Options {
  maxContext: number;
  temperature?: number;
  rng?: () => number;
}
type GenerateModule = {
  generate: (prompt: number[], maxNewTokens: number, logitsFn: (ids: number[]) => TF.Tensor2D, opts: Options) => number[];
};

const V = 6;

/**
 * A stand-in model over 6 tokens: its last row strongly prefers (last id + 1) mod 6, and every
 * earlier row strongly prefers token 0, so reading the wrong row shows. It records each input.
 */
function counter(tf: typeof TF) {
  const calls: number[][] = [];
  const logitsFn = (ids: number[]) => {
    calls.push([...ids]);
    const rows = ids.map((id, t) => Array.from({ length: V }, (_, v) => (t === ids.length - 1 ? (v === (id + 1) % V ? 5 : 0) : v === 0 ? 9 : 0)));
    return tf.tensor2d(rows);
  };
  return { calls, logitsFn };
}

/** A model whose last row is fixed: log-probabilities `logProbs` (or any logits), whatever the input. */
const fixedLastRow = (tf: typeof TF, last: number[]) => (ids: number[]) =>
  tf.tensor2d(ids.map((_, t) => (t === ids.length - 1 ? last : last.map(() => 0))));

/** An rng that returns the given numbers in turn, counting the calls. */
function scripted(values: number[]) {
  const state = { calls: 0 };
  const rng = () => values[state.calls++ % values.length];
  return { rng, state };
}

function expectIds(expect: Expect, actual: unknown, expected: number[], what: string) {
  expect.that(JSON.stringify(actual) === JSON.stringify(expected), `${what}: expected [${expected.join(", ")}], got ${JSON.stringify(actual)}`, {
    expected: `[${expected.join(", ")}]`,
    actual: JSON.stringify(actual),
  });
}

export default defineSpec<GenerateModule>({
  exercise: "generate",
  exports: ["generate"],
  tests: [
    {
      name: "greedy without an rng: returns the prompt followed by the new ids, each read from the last row",
      run: ({ tf, mod, expect }) => {
        const { logitsFn } = counter(tf);
        expectIds(expect, mod.generate([1], 3, logitsFn, { maxContext: 8 }), [1, 2, 3, 4], "generate([1], 3) greedy");
        expectIds(expect, mod.generate([4, 5], 2, logitsFn, { maxContext: 8 }), [4, 5, 0, 1], "generate([4, 5], 2) greedy");
        expectIds(expect, mod.generate([2, 3], 0, logitsFn, { maxContext: 8 }), [2, 3], "generate([2, 3], 0)");
      },
    },
    {
      name: "feeds each new token back in, and crops the input to the last maxContext ids",
      run: ({ tf, mod, expect }) => {
        const { calls, logitsFn } = counter(tf);
        mod.generate([0, 1, 2, 3], 3, logitsFn, { maxContext: 3 });
        expect.that(calls.length === 3, `logitsFn should be called once per new token (3), it was called ${calls.length} times`);
        expect.that(
          JSON.stringify(calls) === JSON.stringify([[1, 2, 3], [2, 3, 4], [3, 4, 5]]),
          `logitsFn should see the last 3 ids each step: [1,2,3], [2,3,4], [3,4,5]; it saw ${JSON.stringify(calls)}`,
        );
      },
    },
    {
      name: "greedy ties go to the lowest id",
      run: ({ tf, mod, expect }) => {
        expectIds(expect, mod.generate([0], 1, fixedLastRow(tf, [1, 5, 5, 0, 5, 2]), { maxContext: 4 }), [0, 1], "generate with tied logits at ids 1, 2 and 4");
      },
    },
    {
      name: "with an rng, draws by inverse CDF from softmax(logits): u = 0.3, 0.1, 0.8 over [0.25, 0.5, 0.25] give 1, 0, 2",
      run: ({ tf, mod, expect }) => {
        const { rng, state } = scripted([0.3, 0.1, 0.8]);
        const logProbs = [Math.log(0.25), Math.log(0.5), Math.log(0.25)];
        expectIds(expect, mod.generate([2], 3, fixedLastRow(tf, logProbs), { maxContext: 4, rng }), [2, 1, 0, 2], "generate with u = 0.3, 0.1, 0.8");
        expect.that(state.calls === 3, `rng should be called once per new token (3), it was called ${state.calls} times`);
      },
    },
    {
      name: "divides the logits by the temperature before the softmax (T = 0.5 turns [0.25, 0.5, 0.25] into [1/6, 2/3, 1/6])",
      run: ({ tf, mod, expect }) => {
        const logProbs = [Math.log(0.25), Math.log(0.5), Math.log(0.25)];
        // Cumulative at T = 0.5: 0.167, 0.833, 1. u = 0.8 gives id 1 (at T = 1 it would give id 2).
        const { rng } = scripted([0.8, 0.1, 0.9]);
        expectIds(expect, mod.generate([0], 3, fixedLastRow(tf, logProbs), { maxContext: 4, temperature: 0.5, rng }), [0, 1, 0, 2], "generate at T = 0.5 with u = 0.8, 0.1, 0.9");
      },
    },
    {
      name: "disposes every tensor it creates, including the logits of each step",
      run: ({ tf, mod, expect }) => {
        const { logitsFn } = counter(tf);
        const before = tf.memory().numTensors;
        mod.generate([1], 5, logitsFn, { maxContext: 4 });
        mod.generate([1], 5, logitsFn, { maxContext: 4, rng: () => 0.5, temperature: 0.7 });
        const leaked = tf.memory().numTensors - before;
        expect.that(leaked === 0, `generate should leave no tensors behind; ${leaked} were left after 10 steps`, { expected: "0", actual: String(leaked) });
      },
    },
  ],
});
