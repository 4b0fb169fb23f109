import { beforeAll, describe, expect as jestExpect, it } from "@jest/globals";
import * as tf from "@tensorflow/tfjs";
import { AssertionFailure, expect, isAssertionFailure } from "./expect";
import { thrownBy } from "../../tests/support/thrown";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

/** Runs a check that must fail and returns the AssertionFailure it threw. */
const failure = (check: () => void): AssertionFailure => thrownBy(AssertionFailure, check);

describe("expect.close", () => {
  it("passes within the tolerance, for tensors, numbers and nested arrays", () => {
    jestExpect(() => expect.close(tf.tensor2d([[1, 2], [3, 4.00005]]), [[1, 2], [3, 4]])).not.toThrow();
    jestExpect(() => expect.close(0.30000001, 0.3)).not.toThrow();
    jestExpect(() => expect.close(tf.tensor1d([1, 2]), tf.tensor1d([1, 2]), { atol: 0, rtol: 0 })).not.toThrow();
  });

  it("spells out a shape mismatch before looking at values", () => {
    const f = failure(() => expect.close(tf.zeros([4, 3]), tf.zeros([3, 4])));
    jestExpect(f.message).toBe("Expected shape [3, 4] but got [4, 3]");
    jestExpect(f.expected).toBe("shape [3, 4]");
    jestExpect(f.actual).toBe("shape [4, 3]");
  });

  it("explains a scalar that came back as a one-element tensor", () => {
    const f = failure(() => expect.close(tf.tensor1d([2]), 2, { what: "loss" }));
    jestExpect(f.message).toBe("loss: expected a scalar (shape []) but got shape [1]");
  });

  it("lists the first differing entries with their index, the max error and the tolerance", () => {
    const f = failure(() => expect.close(tf.tensor2d([[1, 2.5], [3, 9]]), [[1, 2], [3, 4]], { atol: 1e-3, rtol: 0 }));
    jestExpect(f.message).toBe(
      "2 of 4 values differ: at [0, 1] expected 2, got 2.5; at [1, 1] expected 4, got 9 (max absolute error 5, tolerance 0.001)",
    );
    jestExpect(f.expected).toBe("shape [2, 2]\n[[1, 2],\n [3, 4]]");
    jestExpect(f.actual).toBe("shape [2, 2]\n[[1, 2.5],\n [3, 9]]");
  });

  it("lists at most three differing entries", () => {
    const f = failure(() => expect.close([1, 1, 1, 1, 1], [0, 0, 0, 0, 0], { what: "row sums" }));
    jestExpect(f.message).toBe(
      "row sums: 5 of 5 values differ: at [0] expected 0, got 1; at [1] expected 0, got 1; at [2] expected 0, got 1; ... (max absolute error 1, tolerance 0.0001 + 0.0001 x |expected|)",
    );
  });

  it("states a wrong scalar plainly", () => {
    const f = failure(() => expect.close(tf.scalar(32), 0.9746, { atol: 1e-5 }));
    jestExpect(f.message).toBe("Expected 0.9746, got 32 (absolute error 31.03, tolerance 1e-5 + 0.0001 x |expected|)");
  });

  it("calls NaN by name and says where it is", () => {
    const f = failure(() => expect.close(tf.tensor1d([0.1, NaN, NaN]), [0.1, 0.2, 0.7]));
    jestExpect(f.message).toMatch(/^The result contains NaN at \[1\] \(2 of 3 entries are NaN\) where 0\.2 was expected\./);
    jestExpect(f.actual).toBe("[0.1, NaN, NaN]");
    const scalar = failure(() => expect.close(NaN, 1, { what: "loss" }));
    jestExpect(scalar.message).toMatch(/^loss is NaN where 1 was expected/);
  });

  it("fails when the actual value is not a tensor at all", () => {
    const f = failure(() => expect.close(undefined as unknown as number, 1));
    jestExpect(f.message).toBe("Expected a tf.Tensor but got undefined (did you forget to return the result?)");
  });

  it("refuses to read a disposed tensor", () => {
    const t = tf.scalar(1);
    t.dispose();
    jestExpect(failure(() => expect.close(t, 1)).message).toBe("The tensor has already been disposed, so its values cannot be read");
  });
});

describe("expect.shape, finite, tensor", () => {
  it("shape: names the expected and actual shapes", () => {
    const f = failure(() => expect.shape(tf.zeros([2, 5]), [2, 3], "weights"));
    jestExpect(f.message).toBe("weights: expected shape [2, 3] but got [2, 5]");
    jestExpect(() => expect.shape(tf.zeros([2, 3]), [2, 3])).not.toThrow();
  });

  it("finite: reports the first NaN or infinite entry and the counts", () => {
    const f = failure(() => expect.finite(tf.tensor2d([[1, Infinity], [NaN, 2]]), "weights"));
    jestExpect(f.message).toBe("weights contains Infinity at [0, 1] (1 NaN, 1 infinite of 4 entries); every entry should be a finite number");
    const scalar = failure(() => expect.finite(tf.scalar(Infinity), "loss"));
    jestExpect(scalar.message).toBe("loss is Infinity; it should be a finite number");
    jestExpect(() => expect.finite(tf.tensor1d([1, -2, 1e30]))).not.toThrow();
  });

  it("tensor: says what came back instead of a tensor", () => {
    jestExpect(failure(() => expect.tensor(undefined)).message).toBe(
      "Your function should return a tf.Tensor but returned undefined (did you forget to return the result?)",
    );
    jestExpect(failure(() => expect.tensor([1, 2])).message).toMatch(/returned a plain array \(wrap it in tf\.tensor/);
    jestExpect(failure(() => expect.tensor(Promise.resolve(1))).message).toMatch(/a Promise \(the function must not be async\)/);
    jestExpect(failure(() => expect.tensor(3, "weights")).message).toBe("weights should be a tf.Tensor but is the number 3");
    const disposed = tf.scalar(1);
    disposed.dispose();
    jestExpect(failure(() => expect.tensor(disposed)).message).toMatch(/has already been disposed/);
  });
});

describe("expect.that and expect.throws", () => {
  it("that: fails with the given message and details", () => {
    const f = failure(() => expect.that(false, "mask[0][1] should be 0", { expected: "0", actual: "1" }));
    jestExpect(f.message).toBe("mask[0][1] should be 0");
    jestExpect(f.expected).toBe("0");
    jestExpect(f.actual).toBe("1");
    jestExpect(() => expect.that(true, "never shown")).not.toThrow();
  });

  it("throws: passes when the function throws a matching error", () => {
    jestExpect(() =>
      expect.throws(() => {
        throw new Error("token id 99 is out of range");
      }, /out of range/, "an out-of-range id throws"),
    ).not.toThrow();
  });

  it("throws: fails when nothing is thrown, showing what was returned", () => {
    const f = failure(() => expect.throws(() => tf.tensor1d([1, 2]), /out of range/, "an out-of-range id throws a clear error"));
    jestExpect(f.message).toBe("an out-of-range id throws a clear error: no error was thrown");
    jestExpect(f.actual).toBe("returned [1, 2]");
  });

  it("throws: fails when the error message does not match", () => {
    const f = failure(() =>
      expect.throws(() => {
        throw new Error("oops");
      }, /out of range/, "an out-of-range id throws a clear error"),
    );
    jestExpect(f.message).toMatch(/its message "oops" does not say what went wrong clearly enough/);
  });
});

describe("isAssertionFailure", () => {
  it("recognises failures by brand as well as by class", () => {
    jestExpect(isAssertionFailure(new AssertionFailure({ message: "x" }))).toBe(true);
    jestExpect(isAssertionFailure({ isAssertionFailure: true, message: "x" })).toBe(true);
    jestExpect(isAssertionFailure(new Error("x"))).toBe(false);
  });
});
