import type * as TF from "@tensorflow/tfjs";
import type { Expect } from "../../lib/grading/types";
import { defineSpec } from "../../lib/grading/spec";

type AttentionResult = { output: TF.Tensor2D; weights: TF.Tensor2D };
type AttentionModule = {
  attention: (q: TF.Tensor2D, k: TF.Tensor2D, v: TF.Tensor2D, mask?: TF.Tensor2D) => AttentionResult;
};

/** Checks the { output, weights } object and both tensors' shapes. */
function unpack(expect: Expect, result: unknown, queries: number, keys: number, dV: number): AttentionResult {
  expect.that(
    typeof result === "object" && result !== null && "output" in result && "weights" in result,
    "attention should return an object { output, weights }",
    { expected: "{ output: tf.Tensor2D, weights: tf.Tensor2D }", actual: result === undefined ? "undefined" : typeof result },
  );
  const { output, weights } = result as AttentionResult;
  expect.tensor(weights, "weights");
  expect.tensor(output, "output");
  expect.shape(weights, [queries, keys], "weights");
  expect.shape(output, [queries, dV], "output");
  return { output, weights };
}

/** Every weight where the mask is 0 is below 1e-6. */
function expectBlocked(tf: typeof TF, expect: Expect, weights: TF.Tensor2D, mask: number[][]): void {
  const values = weights.arraySync();
  for (let i = 0; i < mask.length; i++) {
    for (let j = 0; j < mask[i].length; j++) {
      if (mask[i][j] === 0) {
        const weight = values[i][j];
        expect.that(Math.abs(weight) < 1e-6, `weights: query ${i} must not attend to blocked key ${j}, but its weight is ${weight.toPrecision(4)}`, {
          expected: "a weight below 1e-6",
          actual: weight.toPrecision(4),
        });
      }
    }
  }
  expect.close(tf.sum(weights, 1), new Array(mask.length).fill(1), { atol: 1e-5, what: "row sums of weights" });
}

// A small example with d_k = 4, worked out in float64.
const Q = [[1, 0, 1, 0], [0, 2, 0, 1]];
const K = [[1, 1, 0, 0], [0, 1, 1, 1], [1, 0, 1, 0]];
const V = [[1, 0], [0, 1], [2, 3]];

export default defineSpec<AttentionModule>({
  exercise: "scaled-dot-product-attention",
  exports: ["attention"],
  tests: [
    {
      name: "returns weights [queries, keys] and output [queries, dV] when q and k differ in length",
      run: ({ tf, mod, expect }) => {
        const q = tf.tensor2d([[0.1, 0.2, 0.3], [-0.5, 0.4, 1.0]]);
        const k = tf.tensor2d([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1], [-1, 0, 1]]);
        const v = tf.tensor2d([[1, 2, 3, 4], [0, 1, 0, 1], [2, 2, 2, 2], [5, 0, 0, 1], [0, 0, 3, 0]]);
        const { weights } = unpack(expect, mod.attention(q, k, v), 2, 5, 4);
        expect.finite(weights, "weights");
        expect.close(tf.sum(weights, 1), [1, 1], { atol: 1e-5, what: "row sums of weights" });
      },
    },
    {
      name: "computes the known weights and output for a small example (d_k = 4)",
      run: ({ tf, mod, expect }) => {
        const { output, weights } = unpack(expect, mod.attention(tf.tensor2d(Q), tf.tensor2d(K), tf.tensor2d(V)), 2, 3, 2);
        expect.close(weights, [[0.2740686, 0.2740686, 0.4518628], [0.331499, 0.5465494, 0.1219517]], { atol: 1e-5, what: "weights" });
        expect.close(output, [[1.177794, 1.629657], [0.5754023, 0.9124043]], { atol: 1e-5, what: "output" });
      },
    },
    {
      name: "divides the scores by sqrt(d_k): d_k = 16, raw scores [4, 0] give weights softmax([1, 0])",
      run: ({ tf, mod, expect }) => {
        const q = tf.fill([1, 16], 0.5) as TF.Tensor2D;
        const k = tf.concat([tf.fill([1, 16], 0.5), tf.zeros([1, 16])]) as TF.Tensor2D;
        const v = tf.tensor2d([[1, 0], [0, 1]]);
        const { output, weights } = unpack(expect, mod.attention(q, k, v), 1, 2, 2);
        expect.close(weights, [[0.7310586, 0.2689414]], { atol: 1e-5, what: "weights" });
        expect.close(output, [[0.7310586, 0.2689414]], { atol: 1e-5, what: "output" });
      },
    },
    {
      name: "output is the weighted average of the value rows (weights · v)",
      run: ({ tf, mod, expect }) => {
        const q = tf.tensor2d([[0.3, -1, 2], [1, 1, 0], [0, 0.5, -0.5]]);
        const k = tf.tensor2d([[1, 0, 1], [0.2, 0.2, 0.2], [-1, 2, 0], [0, 1, 1]]);
        const v = tf.tensor2d([[1, 0, 2, 0, 1], [0, 3, 0, 1, 1], [2, 1, 0, 0, -1], [0, 0, 1, 4, 2]]);
        const { output, weights } = unpack(expect, mod.attention(q, k, v), 3, 4, 5);
        expect.close(output, tf.matMul(weights, v), { atol: 1e-5, what: "output compared with weights · v" });
      },
    },
    {
      name: "a mask blocks positions: blocked weights < 1e-6, rows still sum to 1",
      run: ({ tf, mod, expect }) => {
        const mask = [[1, 1, 0], [1, 0, 1]];
        const { output, weights } = unpack(expect, mod.attention(tf.tensor2d(Q), tf.tensor2d(K), tf.tensor2d(V), tf.tensor2d(mask)), 2, 3, 2);
        expect.finite(weights, "weights");
        expectBlocked(tf, expect, weights, mask);
        expect.close(weights, [[0.5, 0.5, 0], [0.7310586, 0, 0.2689414]], { atol: 1e-5, what: "weights" });
        expect.close(output, [[0.5, 0.5], [1.268941, 0.8068243]], { atol: 1e-5, what: "output" });
      },
    },
    {
      name: "masking a key for every query gives the same result as removing that key",
      run: ({ tf, mod, expect }) => {
        const q = tf.tensor2d(Q);
        const masked = unpack(expect, mod.attention(q, tf.tensor2d(K), tf.tensor2d(V), tf.tensor2d([[1, 1, 0], [1, 1, 0]])), 2, 3, 2);
        const removed = unpack(expect, mod.attention(q, tf.tensor2d(K.slice(0, 2)), tf.tensor2d(V.slice(0, 2))), 2, 2, 2);
        expect.close(masked.output, removed.output, { atol: 1e-5, what: "output with key 2 masked compared with key 2 removed" });
        expect.close(tf.slice(masked.weights, [0, 0], [2, 2]), removed.weights, {
          atol: 1e-5,
          what: "weights of the remaining keys",
        });
      },
    },
    {
      name: "under a causal mask each query sees only itself and earlier positions",
      run: ({ tf, mod, expect }) => {
        const causal = [[1, 0, 0, 0], [1, 1, 0, 0], [1, 1, 1, 0], [1, 1, 1, 1]];
        const q = tf.tensor2d([[1, 0], [0, 1], [1, 1], [0.5, -1]]);
        const k = [[1, 2], [0, 1], [-1, 1], [2, 0]];
        const v = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]];
        const first = unpack(expect, mod.attention(q, tf.tensor2d(k), tf.tensor2d(v), tf.tensor2d(causal)), 4, 4, 3);
        expectBlocked(tf, expect, first.weights, causal);
        expect.close(tf.slice(first.weights, [0, 0], [1, 4]), [[1, 0, 0, 0]], { atol: 1e-6, what: "weights of the first query" });
        expect.close(tf.slice(first.output, [0, 0], [1, 3]), [v[0]], { atol: 1e-5, what: "output of the first query" });
        // Changing the last token's key and value must not change what earlier positions see.
        const k2 = [...k.slice(0, 3), [-7, 9]];
        const v2 = [...v.slice(0, 3), [10, -10, 3]];
        const second = unpack(expect, mod.attention(q, tf.tensor2d(k2), tf.tensor2d(v2), tf.tensor2d(causal)), 4, 4, 3);
        expect.close(tf.slice(second.output, [0, 0], [3, 3]), tf.slice(first.output, [0, 0], [3, 3]), {
          atol: 1e-5,
          what: "outputs of positions 0-2 after changing position 3",
        });
      },
    },
    {
      name: "a blocked key with a huge score still gets no weight",
      run: ({ tf, mod, expect }) => {
        // Scaled scores: [0, 0.5, 1000]; the third key is blocked.
        const q = tf.tensor2d([[10, 10, 10, 10]]);
        const k = tf.tensor2d([[0, 0, 0, 0], [0.1, 0, 0, 0], [50, 50, 50, 50]]);
        const v = tf.tensor2d([[1, 0], [0, 1], [100, 100]]);
        const mask = [[1, 1, 0]];
        const { output, weights } = unpack(expect, mod.attention(q, k, v, tf.tensor2d(mask)), 1, 3, 2);
        expect.finite(weights, "weights");
        expectBlocked(tf, expect, weights, mask);
        expect.close(weights, [[0.3775407, 0.6224593, 0]], { atol: 1e-5, what: "weights" });
        expect.close(output, [[0.3775407, 0.6224593]], { atol: 1e-4, what: "output" });
      },
    },
    {
      name: "stays finite when the scores are large (about 1000)",
      run: ({ tf, mod, expect }) => {
        // d_k = 1, so the scores are exactly [1024, 1025, 1023]: softmax([1, 2, 0]).
        const q = tf.tensor2d([[1024]]);
        const k = tf.tensor2d([[1], [1 + 1 / 1024], [1 - 1 / 1024]]);
        const v = tf.tensor2d([[1, 0], [0, 1], [1, 1]]);
        const { output, weights } = unpack(expect, mod.attention(q, k, v), 1, 3, 2);
        expect.finite(weights, "weights");
        expect.close(weights, [[0.2447285, 0.665241, 0.09003057]], { atol: 1e-5, what: "weights" });
        expect.close(output, [[0.3347591, 0.7552716]], { atol: 1e-5, what: "output" });
      },
    },
  ],
});
