import { beforeAll, describe, expect, it } from "@jest/globals";
import * as tf from "@tensorflow/tfjs";
import { describeValues, formatIndex, formatLogValue, formatNumber, formatTensor, formatValues, isTensor } from "./format";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("formatNumber", () => {
  it("keeps four significant digits", () => {
    expect(formatNumber(0.0900305731)).toBe("0.09003");
    expect(formatNumber(0.66524096)).toBe("0.6652");
    expect(formatNumber(-1234.5678)).toBe("-1235");
    expect(formatNumber(1 / 3)).toBe("0.3333");
  });

  it("prints integers as integers and zero without a sign", () => {
    expect(formatNumber(42)).toBe("42");
    expect(formatNumber(-0)).toBe("0");
  });

  it("switches to exponent form for tiny and huge magnitudes", () => {
    expect(formatNumber(1e-9)).toBe("1e-9");
    expect(formatNumber(1.5e-7)).toBe("1.5e-7");
    expect(formatNumber(-2.34567e12)).toBe("-2.346e12");
  });

  it("names NaN and infinities", () => {
    expect(formatNumber(NaN)).toBe("NaN");
    expect(formatNumber(Infinity)).toBe("Infinity");
    expect(formatNumber(-Infinity)).toBe("-Infinity");
  });
});

describe("formatValues", () => {
  it("prints a scalar, a vector and a matrix", () => {
    expect(formatValues([0.5], [])).toBe("0.5");
    expect(formatValues([1, 2, 3], [3])).toBe("[1, 2, 3]");
    expect(formatValues([1, 2, 3, 4, 5, 6], [2, 3])).toBe("[[1, 2, 3],\n [4, 5, 6]]");
  });

  it("shows at most 6 columns and 4 rows, eliding the middle", () => {
    const values = Array.from({ length: 100 }, (_, i) => i);
    expect(formatValues(values, [100])).toBe("[0, 1, 2, ..., 98, 99]");
    const matrix = formatValues(values, [10, 10]);
    expect(matrix).toBe("[[0, 1, 2, ..., 8, 9],\n [10, 11, 12, ..., 18, 19],\n ...,\n [90, 91, 92, ..., 98, 99]]");
  });

  it("separates the slices of a 3-D tensor by a blank line", () => {
    expect(formatValues([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2])).toBe("[[[1, 2],\n  [3, 4]],\n\n [[5, 6],\n  [7, 8]]]");
  });

  it("adds the shape when it is not obvious from the values", () => {
    expect(describeValues([1, 2, 3], [3])).toBe("[1, 2, 3]");
    expect(describeValues([1, 2, 3, 4], [2, 2])).toBe("shape [2, 2]\n[[1, 2],\n [3, 4]]");
    expect(describeValues(Array.from({ length: 7 }, () => 0), [7])).toBe("shape [7]\n[0, 0, 0, ..., 0, 0]");
  });
});

describe("formatIndex", () => {
  it("turns a flat row-major index into one index per axis", () => {
    expect(formatIndex(5, [2, 3])).toBe("[1, 2]");
    expect(formatIndex(0, [4])).toBe("[0]");
    expect(formatIndex(13, [2, 3, 4])).toBe("[1, 0, 1]");
  });
});

describe("tensors and console values", () => {
  it("recognises tensors without importing tfjs", () => {
    expect(isTensor(tf.scalar(1))).toBe(true);
    expect(isTensor([1, 2])).toBe(false);
    expect(isTensor({ shape: [1] })).toBe(false);
  });

  it("prints a tensor with its dtype and shape, or says it was disposed", () => {
    const t = tf.tensor2d([[1, 2], [3, 4]]);
    expect(formatTensor(t)).toBe("Tensor float32 [2, 2]\n[[1, 2],\n [3, 4]]");
    t.dispose();
    expect(formatTensor(t)).toBe("Tensor float32 [2, 2] (disposed)");
  });

  it("formats console arguments the way a console shows them", () => {
    expect(formatLogValue("text")).toBe("text");
    expect(formatLogValue(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(formatLogValue(undefined)).toBe("undefined");
    expect(formatLogValue({ a: [1, 2], b: NaN })).toBe('{"a":[1,2],"b":"NaN"}');
    expect(formatLogValue({ t: tf.tensor1d([1, 2]) })).toBe('{"t":"<Tensor float32 [2] [1, 2]>"}');
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(formatLogValue(cyclic)).toBe('{"self":"[circular]"}');
  });
});
