import type * as TF from "@tensorflow/tfjs";
import { defineSpec } from "../../lib/grading/spec";
import type { Expect } from "../../lib/grading/types";

type LossModule = { lmLoss: (logits: TF.Tensor2D, tokenIds: number[]) => TF.Scalar };

/** -log softmax(row)[target], computed stably in plain numbers. */
const nll = (row: number[], target: number) => {
  const max = Math.max(...row);
  return max + Math.log(row.reduce((s, z) => s + Math.exp(z - max), 0)) - row[target];
};

function loss(expect: Expect, mod: LossModule, tf: typeof TF, logits: number[][], ids: number[]): TF.Scalar {
  const result = mod.lmLoss(tf.tensor2d(logits), ids);
  expect.tensor(result, "lmLoss result");
  expect.shape(result, [], "lmLoss result (a scalar)");
  return result;
}

const LOGITS = [
  [2, 0, 0],
  [0, 1, 0],
  [1, 1, 3],
];
const IDS = [1, 0, 2];

export default defineSpec<LossModule>({
  exercise: "lm-loss",
  exports: ["lmLoss"],
  tests: [
    {
      name: "uniform logits over 4 tokens give ln 4 whatever the ids",
      run: ({ tf, mod, expect }) => {
        const logits = Array.from({ length: 5 }, () => [0, 0, 0, 0]);
        expect.close(loss(expect, mod, tf, logits, [3, 1, 0, 2, 2]), Math.log(4), { atol: 1e-5, what: "loss with uniform logits" });
      },
    },
    {
      name: "row t is scored against the next id, tokenIds[t + 1], averaged over the T - 1 scored rows",
      run: ({ tf, mod, expect }) => {
        // row 0 predicts ids[1] = 0, row 1 predicts ids[2] = 2; row 2 predicts nothing.
        const expected = (nll(LOGITS[0], 0) + nll(LOGITS[1], 2)) / 2;
        expect.close(loss(expect, mod, tf, LOGITS, IDS), expected, { atol: 1e-5, what: "lmLoss([[2,0,0],[0,1,0],[1,1,3]], [1, 0, 2])" });
      },
    },
    {
      name: "the last row is not scored: changing it leaves the loss unchanged",
      run: ({ tf, mod, expect }) => {
        const a = loss(expect, mod, tf, LOGITS, IDS);
        const b = loss(expect, mod, tf, [LOGITS[0], LOGITS[1], [9, -4, 0.5]], IDS);
        expect.close(b, a, { atol: 1e-6, what: "loss after changing the last row" });
      },
    },
    {
      name: "two tokens make one prediction: the loss of row 0 against the second id",
      run: ({ tf, mod, expect }) => {
        expect.close(loss(expect, mod, tf, [[0.5, -1, 2, 0], [3, 3, 3, 3]], [2, 1]), nll([0.5, -1, 2, 0], 1), { atol: 1e-5, what: "lmLoss on two tokens" });
      },
    },
    {
      name: "stays finite and exact for logits in the thousands",
      run: ({ tf, mod, expect }) => {
        const big = LOGITS.map((row) => row.map((z) => z * 1000));
        const result = loss(expect, mod, tf, big, IDS);
        expect.finite(result, "loss for logits near 1000");
        expect.close(result, (nll(big[0], 0) + nll(big[1], 2)) / 2, { atol: 1e-3, what: "loss for logits near 1000" });
      },
    },
  ],
});
