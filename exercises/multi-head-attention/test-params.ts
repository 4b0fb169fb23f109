import type * as TF from "@tensorflow/tfjs";
import type { Expect, Tf } from "../../lib/grading/types";
/**
 * Seeded parameters and shared checks for the attention exercises' specs (multi-head-attention,
 * cross-attention): every run, and every learner, sees the same numbers.
 */

/** The four projections of an attention layer, each [dModel, dModel]. */
export type Weights = { wq: TF.Tensor2D; wk: TF.Tensor2D; wv: TF.Tensor2D; wo: TF.Tensor2D };

/** Seeded normal values. */
export function randn(tf: Tf, shape: [number, number], seed: number): TF.Tensor2D {
  return tf.randomNormal(shape, 0, 1, "float32", seed) as TF.Tensor2D;
}

/** Seeded projections for a model of width `dModel` (seeds `seed` to `seed + 3`). */
export function randomWeights(tf: Tf, dModel: number, seed: number): Weights {
  return {
    wq: randn(tf, [dModel, dModel], seed),
    wk: randn(tf, [dModel, dModel], seed + 1),
    wv: randn(tf, [dModel, dModel], seed + 2),
    wo: randn(tf, [dModel, dModel], seed + 3),
  };
}

/** The largest entry of |a - b|. */
export function maxChange(tf: Tf, a: TF.Tensor, b: TF.Tensor): number {
  return tf.max(tf.abs(tf.sub(a, b))).dataSync()[0];
}

/** Fails with `message` unless some entry of `after` differs from `before` by more than 0.001. */
export function expectChanged(tf: Tf, expect: Expect, after: TF.Tensor, before: TF.Tensor, message: string): void {
  const change = maxChange(tf, after, before);
  expect.that(change > 1e-3, message, {
    expected: "a change > 0.001",
    actual: `largest change ${change}`,
  });
}
