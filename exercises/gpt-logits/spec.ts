import type * as TF from "@tensorflow/tfjs";
import { defineSpec } from "../../lib/grading/spec";
import type { Expect } from "../../lib/grading/types";
import { blockParams, det } from "../gpt-block/test-params";

type Block = ReturnType<typeof blockParams>;
interface Params {
  wte: TF.Tensor2D;
  wpe: TF.Tensor2D;
  blocks: Block[];
  lnF: { gamma: TF.Tensor1D; beta: TF.Tensor1D };
  numHeads: number;
}
type LogitsModule = { gptLogits: (tokenIds: number[], p: Params) => TF.Tensor2D };

const WTE = det(20, 200); // vocab 5 x dModel 4
/** A tiny GPT: vocabulary 5, dModel 4, context 6, 2 heads, the given blocks. */
function model(tf: typeof TF, blocks: Block[], lnF?: Params["lnF"]): Params {
  return {
    wte: tf.tensor2d(WTE, [5, 4]),
    wpe: tf.tensor2d(det(24, 300), [6, 4]),
    blocks,
    lnF: lnF ?? { gamma: tf.tensor1d(det(4, 400).map((v) => 1 + 0.3 * v)), beta: tf.tensor1d(det(4, 500).map((v) => 0.3 * v)) },
    numHeads: 2,
  };
}

function logits(expect: Expect, mod: LogitsModule, ids: number[], p: Params): TF.Tensor2D {
  const out = mod.gptLogits(ids, p);
  expect.tensor(out, "gptLogits result");
  expect.shape(out, [ids.length, 5], "gptLogits result [T, vocab]");
  expect.finite(out, "gptLogits result");
  return out;
}

/** Blocks whose attention and feed-forward outputs are zero: in a pre-norm block, the identity. */
function silentBlock(tf: typeof TF, seed: number): Block {
  const p = blockParams(tf, 4, 8, seed);
  return { ...p, attn: { ...p.attn, wo: tf.zeros([4, 4]) }, ffn: { ...p.ffn, w2: tf.zeros([8, 4]), b2: tf.zeros([4]) } };
}

const NO_BLOCKS = [
  [-1.588609, -1.225532, 0.763056, 1.739548, 0.408751],
  [0.915239, 2.23833, 0.592562, -1.839164, -1.831474],
  [-2.050217, -3.41324, -0.249036, 3.245483, 2.435283],
];

export default defineSpec<LogitsModule>({
  exercise: "gpt-logits",
  exports: ["gptLogits"],
  tests: [
    {
      name: "with no blocks: LN_f(wte[ids] + wpe[0..T-1]) · wteᵀ for ids [3, 1, 3]",
      run: ({ tf, mod, expect }) => {
        expect.close(logits(expect, mod, [3, 1, 3], model(tf, [])), NO_BLOCKS, { atol: 1e-4, what: "logits" });
      },
    },
    {
      name: "adds position embeddings by position: the same id at positions 0 and 2 gets different logits",
      run: ({ tf, mod, expect }) => {
        const out = logits(expect, mod, [3, 1, 3], model(tf, [])).arraySync();
        const gap = Math.max(...out[0].map((v, i) => Math.abs(v - out[2][i])));
        expect.that(gap > 0.1, "token 3 at position 0 and at position 2 should get different logits (wpe rows 0 and 2 differ)", {
          expected: "different rows",
          actual: `largest difference ${gap.toFixed(4)}`,
        });
      },
    },
    {
      name: "ties the output head to the embeddings: with LN_f = beta, every row's logits are wte · beta",
      run: ({ tf, mod, expect }) => {
        const beta = [0.5, -1, 0.25, 2];
        const out = logits(expect, mod, [0, 4], model(tf, [], { gamma: tf.zeros([4]), beta: tf.tensor1d(beta) }));
        const row = [0, 1, 2, 3, 4].map((v) => beta.reduce((s, b, j) => s + b * WTE[v * 4 + j], 0));
        expect.close(out, [row, row], { atol: 1e-5, what: "logits when the final norm outputs beta on every row" });
      },
    },
    {
      name: "runs every block: two identity blocks change nothing, two real blocks give the worked example",
      run: ({ tf, mod, expect }) => {
        expect.close(logits(expect, mod, [3, 1, 3], model(tf, [silentBlock(tf, 1), silentBlock(tf, 2)])), NO_BLOCKS, {
          atol: 1e-4,
          what: "logits through two blocks whose sub-layers output zero",
        });
        const out = logits(expect, mod, [3, 1, 3, 0], model(tf, [blockParams(tf, 4, 8, 7), blockParams(tf, 4, 8, 8)]));
        expect.close(
          out,
          [
            [0.235824, 1.575866, 0.825723, -1.019636, -1.512578],
            [0.217819, 1.555274, 0.829857, -0.99626, -1.500965],
            [-2.169512, -3.089647, 0.08824, 3.149088, 2.033072],
            [-2.151062, -2.824743, 0.248237, 2.991962, 1.767232],
          ],
          { atol: 3e-4, what: "logits through blocks 7 then 8" },
        );
      },
    },
    {
      name: "throws a clear error when there are more ids than position embeddings (the context length)",
      run: ({ tf, mod, expect }) => {
        expect.throws(() => mod.gptLogits([0, 1, 2, 3, 4, 0, 1], model(tf, [])), /position|context|wpe|length/i, "gptLogits with 7 ids and 6 positions");
      },
    },
  ],
});
