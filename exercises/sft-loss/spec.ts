import type * as TF from "@tensorflow/tfjs";
import { defineSpec } from "../../lib/grading/spec";
import type { Tf } from "../../lib/grading/types";

type Module = { sftLoss: (logits: TF.Tensor2D, targets: number[], lossMask: number[]) => TF.Scalar };

// Three positions, vocabulary of 3. Per-position losses -log p(target) for targets [0, 1, 2]
// are [0.16985, 0.46437, 0.23954].
const LOGITS = [[2, 0, -1], [0.5, 1.5, 0], [1, 1, 3]];
const TARGETS = [0, 1, 2];

function randomLogits(tf: Tf, rows: number, vocab: number, seed: number): TF.Tensor2D {
  return tf.randomNormal([rows, vocab], 0, 2, "float32", seed) as TF.Tensor2D;
}

/** Ordinary mean cross-entropy over every position, for comparison. */
function meanCrossEntropy(tf: Tf, logits: TF.Tensor2D, targets: number[]): TF.Tensor {
  const picked = tf.sum(tf.mul(tf.logSoftmax(logits), tf.oneHot(tf.tensor1d(targets, "int32"), logits.shape[1])), 1);
  return tf.neg(tf.mean(picked));
}

function scalarValue(t: TF.Tensor): number {
  return t.dataSync()[0];
}

export default defineSpec<Module>({
  exercise: "sft-loss",
  exports: ["sftLoss"],
  tests: [
    {
      name: "returns a scalar tensor (shape [])",
      run: ({ tf, mod, expect }) => {
        const loss = mod.sftLoss(tf.tensor2d(LOGITS), TARGETS, [0, 1, 1]);
        expect.shape(loss, [], "sftLoss(...)");
      },
    },
    {
      name: "uniform predictions over 5 tokens cost ln 5 ≈ 1.6094 per token",
      run: ({ tf, mod, expect }) => {
        const loss = mod.sftLoss(tf.zeros([4, 5]) as TF.Tensor2D, [3, 0, 4, 1], [0, 1, 1, 1]);
        expect.close(loss, Math.log(5), { atol: 1e-5, what: "sftLoss(all-zero logits, ..., [0, 1, 1, 1])" });
      },
    },
    {
      name: "averages -log p(target) over the response positions only: mask [0, 1, 1] gives (0.46437 + 0.23954) / 2",
      run: ({ tf, mod, expect }) => {
        expect.close(mod.sftLoss(tf.tensor2d(LOGITS), TARGETS, [0, 1, 1]), 0.3519568, { atol: 1e-5, what: "sftLoss(logits, [0, 1, 2], [0, 1, 1])" });
      },
    },
    {
      name: "with every position in the response (mask all 1) it is the ordinary mean cross-entropy",
      run: ({ tf, mod, expect }) => {
        const logits = randomLogits(tf, 6, 7, 1);
        const targets = [6, 0, 3, 3, 1, 5];
        expect.close(mod.sftLoss(logits, targets, [1, 1, 1, 1, 1, 1]), meanCrossEntropy(tf, logits, targets), {
          atol: 1e-5,
          what: "sftLoss(logits, targets, all ones)",
        });
      },
    },
    {
      name: "prompt targets are ignored: changing them does not change the loss",
      run: ({ tf, mod, expect }) => {
        const logits = randomLogits(tf, 6, 7, 2);
        const mask = [0, 0, 0, 1, 1, 1];
        const before = mod.sftLoss(logits, [1, 2, 3, 4, 5, 6], mask);
        const after = mod.sftLoss(logits, [6, 0, 0, 4, 5, 6], mask);
        expect.close(after, scalarValue(before), { atol: 1e-6, what: "sftLoss after changing the targets of the 3 prompt positions" });
      },
    },
    {
      name: "prompt logits are ignored: changing them does not change the loss",
      run: ({ tf, mod, expect }) => {
        const logits = randomLogits(tf, 5, 4, 3);
        const mask = [0, 0, 1, 1, 1];
        const targets = [0, 1, 2, 3, 0];
        const newPrompt = tf.concat([randomLogits(tf, 2, 4, 31), tf.slice(logits, [2, 0], [3, 4])], 0) as TF.Tensor2D;
        const before = mod.sftLoss(logits, targets, mask);
        expect.close(mod.sftLoss(newPrompt, targets, mask), scalarValue(before), { atol: 1e-6, what: "sftLoss after changing the logits of the 2 prompt positions" });
      },
    },
    {
      name: "a longer prompt does not dilute the average: the loss equals the mean over the response alone",
      run: ({ tf, mod, expect }) => {
        const response = randomLogits(tf, 3, 6, 4);
        const responseTargets = [2, 5, 0];
        const responseOnly = mod.sftLoss(response, responseTargets, [1, 1, 1]);
        const withPrompt = tf.concat([randomLogits(tf, 5, 6, 41), response], 0) as TF.Tensor2D;
        const loss = mod.sftLoss(withPrompt, [0, 1, 2, 3, 4, ...responseTargets], [0, 0, 0, 0, 0, 1, 1, 1]);
        expect.close(loss, scalarValue(responseOnly), { atol: 1e-5, what: "sftLoss with 5 prompt positions before the same 3 response positions" });
      },
    },
    {
      name: "a confidently wrong prediction gives a large finite loss (logits [100, -100], target 1 -> 200)",
      run: ({ tf, mod, expect }) => {
        const loss = mod.sftLoss(tf.tensor2d([[0, 0], [100, -100]]), [0, 1], [0, 1]);
        expect.finite(loss, "sftLoss when p(target) is about e^-200");
        expect.close(loss, 200, { rtol: 1e-4, what: "sftLoss(logits [[0, 0], [100, -100]], targets [0, 1], mask [0, 1])" });
      },
    },
    {
      name: "an all-zero loss mask throws an error (there is nothing to average)",
      run: ({ tf, mod, expect }) => {
        expect.throws(() => mod.sftLoss(tf.tensor2d(LOGITS), TARGETS, [0, 0, 0]), /mask|response/i, "sftLoss(..., [0, 0, 0]) should throw an error that mentions the mask or the missing response tokens");
      },
    },
  ],
});
