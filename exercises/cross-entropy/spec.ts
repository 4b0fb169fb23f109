import type * as TF from "@tensorflow/tfjs";
import { defineSpec } from "../../lib/grading/spec";

type LossModule = { crossEntropyLoss: (logits: TF.Tensor2D, targets: number[]) => TF.Scalar };

// Expected losses were computed in float64.

export default defineSpec<LossModule>({
  exercise: "cross-entropy",
  exports: ["crossEntropyLoss"],
  tests: [
    {
      name: "returns a scalar tensor (shape [])",
      run: ({ tf, mod, expect }) => {
        const loss = mod.crossEntropyLoss(tf.tensor2d([[2, 1, 0.1], [0.5, 2.5, 0.3]]), [0, 1]);
        expect.tensor(loss);
        expect.shape(loss, []);
      },
    },
    {
      name: "all-zero logits over 4 tokens give ln 4 ≈ 1.3863, whatever the targets",
      run: ({ tf, mod, expect }) => {
        const loss = mod.crossEntropyLoss(tf.zeros([3, 4]) as TF.Tensor2D, [0, 1, 3]);
        expect.tensor(loss);
        expect.close(loss, 1.3862944, { atol: 1e-5 });
      },
    },
    {
      name: "a uniform guess over a 1000-token vocabulary costs ln 1000 ≈ 6.9078",
      run: ({ tf, mod, expect }) => {
        const loss = mod.crossEntropyLoss(tf.zeros([1, 1000]) as TF.Tensor2D, [417]);
        expect.tensor(loss);
        expect.close(loss, 6.9077553, { atol: 1e-4 });
      },
    },
    {
      name: "known loss for two positions: logits [[2, 1, 0.1], [0.5, 2.5, 0.3]], targets [0, 1] give 0.3185",
      run: ({ tf, mod, expect }) => {
        const loss = mod.crossEntropyLoss(tf.tensor2d([[2, 1, 0.1], [0.5, 2.5, 0.3]]), [0, 1]);
        expect.tensor(loss);
        expect.close(loss, 0.3185398, { atol: 1e-5 });
      },
    },
    {
      name: "each position uses its own target: targets [4, 2, 0] on three rows give 1.4217",
      run: ({ tf, mod, expect }) => {
        const row = [0.5, -1, 2, 0.3, 1.1];
        const loss = mod.crossEntropyLoss(tf.tensor2d([row, row, row]), [4, 2, 0]);
        expect.tensor(loss);
        expect.close(loss, 1.4217427, { atol: 1e-5 });
      },
    },
    {
      name: "averages over positions: four copies of a position cost the same as one (0.4170)",
      run: ({ tf, mod, expect }) => {
        const row = [2, 1, 0.1];
        const one = mod.crossEntropyLoss(tf.tensor2d([row]), [0]);
        const four = mod.crossEntropyLoss(tf.tensor2d([row, row, row, row]), [0, 0, 0, 0]);
        expect.tensor(one);
        expect.tensor(four);
        expect.close(one, 0.41703, { atol: 1e-5, what: "loss of one position" });
        expect.close(four, 0.41703, { atol: 1e-5, what: "loss of four identical positions" });
      },
    },
    {
      name: "stays finite for logits of ±1000 (loss 1000: positions cost 2000 and 0)",
      run: ({ tf, mod, expect }) => {
        const loss = mod.crossEntropyLoss(tf.tensor2d([[1000, 0, -1000], [0, 1000, 0]]), [2, 1]);
        expect.tensor(loss);
        expect.finite(loss, "loss");
        expect.close(loss, 1000, { atol: 1e-3, rtol: 1e-5, what: "loss" });
      },
    },
    {
      name: "a confident, correct prediction costs almost nothing",
      run: ({ tf, mod, expect }) => {
        const loss = mod.crossEntropyLoss(tf.tensor2d([[20, 0, 0]]), [0]);
        expect.tensor(loss);
        expect.close(loss, 0, { atol: 1e-6, what: "loss" });
      },
    },
    {
      name: "the loss is never negative and grows as the target becomes less likely",
      run: ({ tf, mod, expect }) => {
        const logits = tf.tensor2d([[3, 1, 0]]);
        const losses = [0, 1, 2].map((target) => {
          const loss = mod.crossEntropyLoss(logits, [target]);
          expect.tensor(loss);
          return loss;
        });
        expect.close(losses[0], 0.169846, { atol: 1e-5, what: "loss for target 0 (logit 3)" });
        expect.close(losses[1], 2.169846, { atol: 1e-5, what: "loss for target 1 (logit 1)" });
        expect.close(losses[2], 3.169846, { atol: 1e-5, what: "loss for target 2 (logit 0)" });
      },
    },
  ],
});
