import type * as TF from "@tensorflow/tfjs";
import { defineSpec } from "../../lib/grading/spec";

type Module = { pairwiseRankingLoss: (chosen: TF.Tensor1D, rejected: TF.Tensor1D) => TF.Scalar };

export default defineSpec<Module>({
  exercise: "reward-model-loss",
  exports: ["pairwiseRankingLoss"],
  tests: [
    {
      name: "returns a scalar tensor (shape [])",
      run: ({ tf, mod, expect }) => {
        const loss = mod.pairwiseRankingLoss(tf.tensor1d([1, 2]), tf.tensor1d([0, 3]));
        expect.shape(loss, [], "pairwiseRankingLoss(...)");
      },
    },
    {
      name: "equal rewards give ln 2 ≈ 0.6931 (the model cannot tell the answers apart)",
      run: ({ tf, mod, expect }) => {
        const scores = tf.tensor1d([0, 5, -2.5]);
        expect.close(mod.pairwiseRankingLoss(scores, scores), Math.LN2, { atol: 1e-5, what: "pairwiseRankingLoss(r, r)" });
      },
    },
    {
      name: "is the mean of -log σ(chosen - rejected): margins [1, -1] give (0.31326 + 1.31326) / 2",
      run: ({ tf, mod, expect }) => {
        expect.close(mod.pairwiseRankingLoss(tf.tensor1d([1, 0]), tf.tensor1d([0, 1])), 0.8132617, { atol: 1e-5, what: "pairwiseRankingLoss([1, 0], [0, 1])" });
      },
    },
    {
      name: "averages over the pairs (four pairs, margins 1.5, -0.5, 2, 0)",
      run: ({ tf, mod, expect }) => {
        expect.close(mod.pairwiseRankingLoss(tf.tensor1d([2.5, 0, -1, 4]), tf.tensor1d([1, 0.5, -3, 4])), 0.4988914, { atol: 1e-5, what: "pairwiseRankingLoss([2.5, 0, -1, 4], [1, 0.5, -3, 4])" });
      },
    },
    {
      name: "scoring the preferred answer higher lowers the loss: margin +2 -> 0.1269, margin -2 -> 2.1269",
      run: ({ tf, mod, expect }) => {
        expect.close(mod.pairwiseRankingLoss(tf.tensor1d([2]), tf.tensor1d([0])), 0.126928, { atol: 1e-5, what: "pairwiseRankingLoss([2], [0]) (chosen ranked higher)" });
        expect.close(mod.pairwiseRankingLoss(tf.tensor1d([0]), tf.tensor1d([2])), 2.126928, { atol: 1e-5, what: "pairwiseRankingLoss([0], [2]) (chosen ranked lower)" });
      },
    },
    {
      name: "only the difference matters: adding 50 to both scores leaves the loss unchanged",
      run: ({ tf, mod, expect }) => {
        const chosen = tf.tensor1d([0.3, -1.2, 2]);
        const rejected = tf.tensor1d([1.1, -2, 0.5]);
        const base = mod.pairwiseRankingLoss(chosen, rejected).dataSync()[0];
        expect.close(mod.pairwiseRankingLoss(tf.add(chosen, 50) as TF.Tensor1D, tf.add(rejected, 50) as TF.Tensor1D), base, { atol: 1e-4, what: "pairwiseRankingLoss(chosen + 50, rejected + 50)" });
      },
    },
    {
      name: "stable for a gap of 100: margin -100 costs 100 and margin +100 costs 0",
      run: ({ tf, mod, expect }) => {
        const wrongWay = mod.pairwiseRankingLoss(tf.tensor1d([-50]), tf.tensor1d([50]));
        expect.finite(wrongWay, "pairwiseRankingLoss([-50], [50])");
        expect.close(wrongWay, 100, { atol: 1e-3, rtol: 0, what: "pairwiseRankingLoss([-50], [50]) (margin -100)" });
        const rightWay = mod.pairwiseRankingLoss(tf.tensor1d([50]), tf.tensor1d([-50]));
        expect.finite(rightWay, "pairwiseRankingLoss([50], [-50])");
        expect.close(rightWay, 0, { atol: 1e-6, what: "pairwiseRankingLoss([50], [-50]) (margin +100)" });
      },
    },
    {
      name: "stable for a gap of 1000: margins [-1000, +1000] give a finite loss of 500",
      run: ({ tf, mod, expect }) => {
        const loss = mod.pairwiseRankingLoss(tf.tensor1d([-500, 500]), tf.tensor1d([500, -500]));
        expect.finite(loss, "pairwiseRankingLoss with margins -1000 and +1000");
        expect.close(loss, 500, { atol: 1e-2, rtol: 0, what: "pairwiseRankingLoss([-500, 500], [500, -500])" });
      },
    },
  ],
});
