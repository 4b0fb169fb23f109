import type * as TF from "@tensorflow/tfjs";
import type { Expect } from "../../lib/grading/types";
import { defineSpec } from "../../lib/grading/spec";

type SgdModule = {
  sgdStep: (params: TF.Variable[], lossFn: () => TF.Scalar, lr: number) => number;
};

/** Runs `body` with fresh Variables and disposes them afterwards, whatever happens. */
function withVariables<T>(tf: typeof TF, initial: Array<number | number[]>, body: (vars: TF.Variable[]) => T): T {
  const vars = initial.map((v) => tf.variable(typeof v === "number" ? tf.scalar(v) : tf.tensor1d(v)));
  try {
    return body(vars);
  } finally {
    vars.forEach((v) => v.dispose());
  }
}

function expectNumber(expect: Expect, value: unknown, what: string): asserts value is number {
  expect.that(typeof value === "number", `${what} should be a plain number (read it with dataSync()[0] or arraySync())`, {
    expected: "a number",
    actual: value === null ? "null" : typeof value,
  });
}

export default defineSpec<SgdModule>({
  exercise: "sgd-step",
  exports: ["sgdStep"],
  tests: [
    {
      name: "returns the loss before the step: w = 1, loss (w - 3)² gives 4",
      run: ({ tf, mod, expect }) =>
        withVariables(tf, [1], ([w]) => {
          const loss = mod.sgdStep([w], () => tf.square(tf.sub(w, 3)) as TF.Scalar, 0.1);
          expectNumber(expect, loss, "the returned loss");
          expect.close(loss, 4, { atol: 1e-5, what: "returned loss (it must be the loss before the update)" });
        }),
    },
    {
      name: "steps against the gradient by lr × gradient: w = 1, gradient -4, lr 0.1 gives w = 1.4",
      run: ({ tf, mod, expect }) =>
        withVariables(tf, [1], ([w]) => {
          mod.sgdStep([w], () => tf.square(tf.sub(w, 3)) as TF.Scalar, 0.1);
          expect.close(w, 1.4, { atol: 1e-5, what: "w after one step" });
        }),
    },
    {
      name: "updates every Variable it is given, in place (the caller's own references see the new values)",
      run: ({ tf, mod, expect }) =>
        withVariables(tf, [[1, 2], 0.5], ([w, b]) => {
          const params = [w, b];
          // loss = w0² + w1² + 3b: gradients 2w = [2, 4] and 3
          mod.sgdStep(params, () => tf.add(tf.sum(tf.square(w)), tf.mul(b, 3)) as TF.Scalar, 0.5);
          expect.that(params[0] === w && params[1] === b, "sgdStep must not replace the Variables in the array: update them with assign()");
          expect.close(w, [0, 0], { atol: 1e-5, what: "w after one step (the Variable object the caller holds)" });
          expect.close(b, -1, { atol: 1e-5, what: "b after one step (the Variable object the caller holds)" });
        }),
    },
    {
      name: "leaves Variables that are not in params unchanged, even when the loss reads them",
      run: ({ tf, mod, expect }) =>
        withVariables(tf, [2, 3], ([w, frozen]) => {
          mod.sgdStep([w], () => tf.square(tf.mul(w, frozen)) as TF.Scalar, 0.01);
          expect.close(frozen, 3, { atol: 1e-6, what: "a Variable the loss reads but that is not in params" });
          // d/dw (w·c)² = 2·w·c² = 36, so w = 2 - 0.01·36
          expect.close(w, 1.64, { atol: 1e-5, what: "w after one step" });
        }),
    },
    {
      name: "repeated steps fit a line: y = 2x + 1 from a = b = 0, the returned losses fall at every step",
      run: ({ tf, mod, expect }) =>
        withVariables(tf, [0, 0], ([a, b]) => {
          const x = tf.tensor1d([0, 1, 2, 3]);
          const y = tf.tensor1d([1, 3, 5, 7]);
          const lossFn = () => tf.mean(tf.square(tf.sub(tf.add(tf.mul(x, a), b), y))) as TF.Scalar;
          const losses: number[] = [];
          for (let step = 0; step < 400; step++) losses.push(mod.sgdStep([a, b], lossFn, 0.05));
          x.dispose();
          y.dispose();
          expect.close(losses[0], 21, { atol: 1e-4, what: "the first returned loss (mean squared error at a = b = 0)" });
          const rise = losses.findIndex((loss, i) => i > 0 && loss > losses[i - 1] + 1e-6);
          expect.that(rise === -1, `the loss should fall at every step with lr 0.05, but it rose at step ${rise}`, {
            expected: "a falling loss",
            actual: rise === -1 ? "" : `${losses[rise - 1]} then ${losses[rise]}`,
          });
          expect.close(a, 2, { atol: 0.01, what: "slope a after 400 steps" });
          expect.close(b, 1, { atol: 0.02, what: "intercept b after 400 steps" });
        }),
    },
  ],
});
