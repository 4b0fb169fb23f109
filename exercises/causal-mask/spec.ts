import type * as TF from "@tensorflow/tfjs";
import { defineSpec } from "../../lib/grading/spec";
import type { Expect } from "../../lib/grading/types";

type MaskModule = { causalMask: (seqLen: number) => TF.Tensor2D };

/** causalMask(seqLen), checked to be a tensor of shape [seqLen, seqLen]. */
function squareMask(mod: MaskModule, expect: Expect, seqLen: number): TF.Tensor2D {
  const out = mod.causalMask(seqLen);
  expect.tensor(out);
  expect.shape(out, [seqLen, seqLen]);
  return out;
}

export default defineSpec<MaskModule>({
  exercise: "causal-mask",
  exports: ["causalMask"],
  tests: [
    {
      name: "seqLen 1 gives [[1]]: a single token may attend to itself",
      run: ({ mod, expect }) => {
        const out = mod.causalMask(1);
        expect.tensor(out);
        expect.close(out, [[1]], { atol: 0, rtol: 0 });
      },
    },
    {
      name: "seqLen 4 gives the lower triangle including the diagonal",
      run: ({ mod, expect }) => {
        const out = mod.causalMask(4);
        expect.tensor(out);
        expect.close(
          out,
          [
            [1, 0, 0, 0],
            [1, 1, 0, 0],
            [1, 1, 1, 0],
            [1, 1, 1, 1],
          ],
          { atol: 0, rtol: 0 },
        );
      },
    },
    {
      name: "is a float32 tensor of 0s and 1s",
      run: ({ mod, expect }) => {
        const out = mod.causalMask(5);
        expect.tensor(out);
        expect.that(
          out.dtype === "float32",
          `The mask should have dtype float32 but has dtype ${out.dtype}${out.dtype === "bool" ? ": convert it with tf.cast(mask, \"float32\")" : ""}`,
          { expected: "float32", actual: out.dtype },
        );
        const values = Array.from(out.dataSync());
        expect.that(
          values.every((x) => x === 0 || x === 1),
          "Every entry of the mask should be exactly 0 or 1",
          { expected: "only 0 and 1", actual: `values such as ${values.find((x) => x !== 0 && x !== 1)}` },
        );
      },
    },
    {
      name: "the diagonal is 1: every position may attend to itself",
      run: ({ mod, expect }) => {
        const rows = squareMask(mod, expect, 6).arraySync();
        const blocked = rows.map((row, i) => row[i]).flatMap((x, i) => (x === 1 ? [] : [i]));
        expect.that(blocked.length === 0, `Position ${blocked[0]} cannot attend to itself: mask[${blocked[0]}][${blocked[0]}] should be 1`, {
          expected: "1 on the whole diagonal",
          actual: `diagonal ${JSON.stringify(rows.map((row, i) => row[i]))}`,
        });
      },
    },
    {
      name: "nothing above the diagonal is allowed: no peeking at future positions",
      run: ({ mod, expect }) => {
        const rows = squareMask(mod, expect, 6).arraySync();
        for (let i = 0; i < 6; i++) {
          for (let j = i + 1; j < 6; j++) {
            expect.that(rows[i][j] === 0, `Position ${i} may see the future position ${j}: mask[${i}][${j}] should be 0`, {
              expected: "0",
              actual: String(rows[i][j]),
            });
          }
        }
      },
    },
    {
      name: "row i of a 64 x 64 mask allows exactly i + 1 positions",
      run: ({ tf, mod, expect }) => {
        const out = squareMask(mod, expect, 64);
        const expected = Array.from({ length: 64 }, (_, i) => i + 1);
        expect.close(tf.sum(tf.cast(out, "float32"), 1), expected, { atol: 0, rtol: 0, what: "number of allowed positions per row" });
      },
    },
  ],
});
