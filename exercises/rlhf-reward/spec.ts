import type * as TF from "@tensorflow/tfjs";
import { defineSpec } from "../../lib/grading/spec";
import type { Tf } from "../../lib/grading/types";

type Module = {
  rlhfReward: (reward: TF.Tensor1D, logpPolicy: TF.Tensor2D, logpRef: TF.Tensor2D, beta: number) => TF.Tensor1D;
};

/** Log-probabilities are negative: -|N(1, 1)| keeps them realistic. */
function randomLogp(tf: Tf, batch: number, tokens: number, seed: number): TF.Tensor2D {
  return tf.neg(tf.abs(tf.randomNormal([batch, tokens], 1, 1, "float32", seed))) as TF.Tensor2D;
}

export default defineSpec<Module>({
  exercise: "rlhf-reward",
  exports: ["rlhfReward"],
  tests: [
    {
      name: "returns one reward per sequence: shape [B] (B 3, T 5)",
      run: ({ tf, mod, expect }) => {
        const out = mod.rlhfReward(tf.tensor1d([1, 2, 3]), randomLogp(tf, 3, 5, 1), randomLogp(tf, 3, 5, 2), 0.1);
        expect.shape(out, [3], "rlhfReward(reward [3], logpPolicy [3, 5], logpRef [3, 5], 0.1)");
      },
    },
    {
      name: "a policy identical to the reference keeps the reward model's score",
      run: ({ tf, mod, expect }) => {
        const logp = randomLogp(tf, 3, 4, 3);
        expect.close(mod.rlhfReward(tf.tensor1d([1.5, -0.5, 2]), logp, logp, 0.2), [1.5, -0.5, 2], { what: "rlhfReward(reward, logp, logp, 0.2)" });
      },
    },
    {
      name: "computes reward - beta * Σ_t(logpPolicy - logpRef) on a small example",
      run: ({ tf, mod, expect }) => {
        // Per-token log-ratios: [0.5, 0, 0.5] (sum 1) and [-1, 0.5, 1] (sum 0.5).
        const out = mod.rlhfReward(
          tf.tensor1d([1, 0.5]),
          tf.tensor2d([[-1, -2, -0.5], [-3, -1, -1]]),
          tf.tensor2d([[-1.5, -2, -1], [-2, -1.5, -2]]),
          0.1,
        );
        expect.close(out, [0.9, 0.45], { what: "rlhfReward([1, 0.5], logpPolicy, logpRef, 0.1)" });
      },
    },
    {
      name: "drifting costs reward: a policy more confident than the reference scores lower (2 - 0.5 * 3 = 0.5)",
      run: ({ tf, mod, expect }) => {
        // Each of 3 tokens is e times more likely under the policy (log-ratio +1).
        const out = mod.rlhfReward(tf.tensor1d([2]), tf.tensor2d([[-1, -1, -1]]), tf.tensor2d([[-2, -2, -2]]), 0.5);
        expect.close(out, [0.5], { what: "rlhfReward([2], [[-1, -1, -1]], [[-2, -2, -2]], 0.5)" });
      },
    },
    {
      name: "the penalty is a sum over tokens, not a mean: four tokens with log-ratio 0.25 cost 1 at beta = 1",
      run: ({ tf, mod, expect }) => {
        const out = mod.rlhfReward(tf.tensor1d([0, 0]), tf.tensor2d([[-0.75, -0.75, -0.75, -0.75], [-1, -1, -1, -1]]), tf.tensor2d([[-1, -1, -1, -1], [-1, -1, -1, -1]]), 1);
        expect.close(out, [-1, 0], { what: "rlhfReward([0, 0], logpPolicy, logpRef, 1)" });
      },
    },
    {
      name: "beta scales the penalty: beta = 0 gives the reward back, and doubling beta doubles the penalty",
      run: ({ tf, mod, expect }) => {
        const reward = tf.tensor1d([0.7, -1.2]);
        const policy = randomLogp(tf, 2, 6, 4);
        const ref = randomLogp(tf, 2, 6, 5);
        expect.close(mod.rlhfReward(reward, policy, ref, 0), [0.7, -1.2], { what: "rlhfReward(..., beta = 0)" });
        const penalty1 = tf.sub(reward, mod.rlhfReward(reward, policy, ref, 0.05));
        const penalty2 = tf.sub(reward, mod.rlhfReward(reward, policy, ref, 0.1));
        expect.close(penalty2, tf.mul(penalty1, 2), { what: "the penalty at beta = 0.1 vs twice the penalty at beta = 0.05" });
      },
    },
    {
      name: "each sequence is penalised only for its own tokens",
      run: ({ tf, mod, expect }) => {
        const reward = tf.tensor1d([1, 1, 1]);
        const ref = randomLogp(tf, 3, 4, 6);
        const policy = randomLogp(tf, 3, 4, 7);
        const before = mod.rlhfReward(reward, policy, ref, 0.3);
        // Change only sequence 2's tokens.
        const changed = tf.concat([tf.slice(policy, [0, 0], [2, 4]), randomLogp(tf, 1, 4, 8)], 0) as TF.Tensor2D;
        const after = mod.rlhfReward(reward, changed, ref, 0.3);
        expect.shape(after, [3], "rlhfReward(...)");
        expect.close(tf.slice(after, [0], [2]), tf.slice(before, [0], [2]), { what: "the rewards of sequences 0 and 1 after changing sequence 2" });
      },
    },
    {
      name: "matches reward - beta * Σ_t(logpPolicy - logpRef) on random log-probabilities (B 4, T 4)",
      run: ({ tf, mod, expect }) => {
        const reward = tf.randomNormal([4], 0, 1, "float32", 9) as TF.Tensor1D;
        const policy = randomLogp(tf, 4, 4, 10);
        const ref = randomLogp(tf, 4, 4, 11);
        const want = tf.sub(reward, tf.mul(0.15, tf.sum(tf.sub(policy, ref), 1)));
        expect.close(mod.rlhfReward(reward, policy, ref, 0.15), want, { what: "rlhfReward(reward, logpPolicy, logpRef, 0.15)" });
      },
    },
  ],
});
