import type * as TF from "@tensorflow/tfjs";
import { defineSpec } from "../../lib/grading/spec";

type SoftmaxModule = { softmax: (logits: TF.Tensor, temperature?: number) => TF.Tensor };

// softmax([1, 2, 3]) in float64.
const P123 = [0.09003057, 0.2447285, 0.665241];

export default defineSpec<SoftmaxModule>({
  exercise: "softmax",
  exports: ["softmax"],
  forbid: ["softmax", "logSoftmax"],
  forbidReason: "write it yourself from tf.exp, tf.max, tf.sum, tf.sub and tf.div",
  tests: [
    {
      name: "turns [1, 2, 3] into the probabilities [0.0900, 0.2447, 0.6652]",
      run: ({ tf, mod, expect }) => {
        const out = mod.softmax(tf.tensor1d([1, 2, 3]));
        expect.tensor(out);
        expect.close(out, P123, { atol: 1e-5 });
      },
    },
    {
      name: "normalises every row of a 2-D tensor (last axis) and keeps its shape",
      run: ({ tf, mod, expect }) => {
        const out = mod.softmax(tf.tensor2d([[1, 2, 3], [0, 0, 0]]));
        expect.tensor(out);
        expect.shape(out, [2, 3]);
        expect.close(tf.sum(out, -1), [1, 1], { atol: 1e-5, what: "row sums" });
        expect.close(out, [P123, [1 / 3, 1 / 3, 1 / 3]], { atol: 1e-5 });
      },
    },
    {
      name: "a square input is normalised row by row, not column by column",
      run: ({ tf, mod, expect }) => {
        const out = mod.softmax(tf.tensor2d([[1, 2, 3], [3, 1, 2], [0, 0, 6]]));
        expect.tensor(out);
        expect.close(
          out,
          [
            [0.09003057, 0.2447285, 0.665241],
            [0.665241, 0.09003057, 0.2447285],
            [0.002466524, 0.002466524, 0.995067],
          ],
          { atol: 1e-5 },
        );
      },
    },
    {
      name: "works on the last axis of a 3-D tensor",
      run: ({ tf, mod, expect }) => {
        const logits = tf.tensor3d([
          [[1, 2, 3], [0, 0, 0]],
          [[-1, 0, 1], [5, 1, 1]],
        ]);
        const out = mod.softmax(logits);
        expect.tensor(out);
        expect.shape(out, [2, 2, 3]);
        expect.close(
          out,
          tf.tensor3d([
            [P123, [1 / 3, 1 / 3, 1 / 3]],
            [P123, [0.9646632, 0.01766842, 0.01766842]],
          ]),
          { atol: 1e-5 },
        );
      },
    },
    {
      name: "stays finite for large logits [1000, 1001, 1002] (same answer as [0, 1, 2])",
      run: ({ tf, mod, expect }) => {
        const out = mod.softmax(tf.tensor1d([1000, 1001, 1002]));
        expect.tensor(out);
        expect.finite(out);
        expect.close(out, P123, { atol: 1e-5 });
      },
    },
    {
      name: "stays finite for very negative logits [-1000, -1001, -1002]",
      run: ({ tf, mod, expect }) => {
        const out = mod.softmax(tf.tensor1d([-1000, -1001, -1002]));
        expect.tensor(out);
        expect.finite(out);
        expect.close(out, [0.665241, 0.2447285, 0.09003057], { atol: 1e-5 });
      },
    },
    {
      name: "rows on very different scales in one tensor are each stable",
      run: ({ tf, mod, expect }) => {
        const out = mod.softmax(tf.tensor2d([[1000, 1001, 1002], [0, 1, 2], [-5000, 0, 5000]]));
        expect.tensor(out);
        expect.finite(out);
        expect.close(out, [P123, P123, [0, 0, 1]], { atol: 1e-5 });
      },
    },
    {
      name: "adding the same constant to every logit of a row changes nothing",
      run: ({ tf, mod, expect }) => {
        const logits = tf.tensor2d([[0.3, -1.2, 2.5, 0.0], [4.0, 4.1, -3.0, 1.5]]);
        const base = mod.softmax(logits);
        const shifted = mod.softmax(tf.add(logits, tf.tensor2d([[50], [-30]])));
        expect.tensor(base);
        expect.tensor(shifted);
        expect.close(shifted, base, { atol: 1e-5, what: "softmax(x + c) compared with softmax(x)" });
      },
    },
    {
      name: "temperature defaults to 1",
      run: ({ tf, mod, expect }) => {
        const logits = tf.tensor1d([0.5, -2, 3, 1]);
        const implicit = mod.softmax(logits);
        const explicit = mod.softmax(logits, 1);
        expect.tensor(implicit);
        expect.tensor(explicit);
        expect.close(implicit, explicit, { atol: 1e-6, what: "softmax(x) compared with softmax(x, 1)" });
      },
    },
    {
      name: "temperature 2 flattens the distribution: softmax([1, 2, 3] / 2)",
      run: ({ tf, mod, expect }) => {
        const out = mod.softmax(tf.tensor1d([1, 2, 3]), 2);
        expect.tensor(out);
        expect.close(out, [0.1863237, 0.3071959, 0.5064804], { atol: 1e-5 });
      },
    },
    {
      name: "temperature 0.5 sharpens the distribution: softmax([1, 2, 3] / 0.5)",
      run: ({ tf, mod, expect }) => {
        const out = mod.softmax(tf.tensor1d([1, 2, 3]), 0.5);
        expect.tensor(out);
        expect.close(out, [0.01587624, 0.1173104, 0.8668133], { atol: 1e-5 });
      },
    },
    {
      name: "a huge temperature is almost uniform; a tiny one puts all the weight on the largest logit",
      run: ({ tf, mod, expect }) => {
        const logits = tf.tensor1d([1, 2, 3]);
        const hot = mod.softmax(logits, 1000);
        const cold = mod.softmax(logits, 0.01);
        expect.tensor(hot);
        expect.tensor(cold);
        expect.close(hot, [0.3330001, 0.3333332, 0.3336667], { atol: 1e-5, what: "temperature 1000" });
        expect.finite(cold, "temperature 0.01");
        expect.close(cold, [0, 0, 1], { atol: 1e-6, what: "temperature 0.01" });
      },
    },
  ],
});
