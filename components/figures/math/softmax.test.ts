import { describe, expect, it } from "@jest/globals";
import { argmax, entropyBits, keepTopK, keepTopP, sampleIndex, softmax } from "./softmax";

const logits = [4.2, 3.2, 2.6, 2.3, 1.5, 1.2];
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("softmax with temperature", () => {
  it("matches exp(z/T) / sum exp(z/T) computed by hand", () => {
    const p = softmax([1, 2, 3]);
    const e = [Math.exp(1), Math.exp(2), Math.exp(3)];
    p.forEach((pi, i) => expect(pi).toBeCloseTo(e[i] / sum(e), 12));
    const q = softmax([1, 2, 3], 0.5); // same as softmax([2, 4, 6])
    const f = [Math.exp(2), Math.exp(4), Math.exp(6)];
    q.forEach((qi, i) => expect(qi).toBeCloseTo(f[i] / sum(f), 12));
  });

  it("gives probabilities that sum to 1 at every temperature of the slider", () => {
    for (let t = 0.1; t <= 3.0001; t += 0.1) {
      const p = softmax(logits, t);
      expect(sum(p)).toBeCloseTo(1, 12);
      expect(p.every((x) => x >= 0 && x <= 1)).toBe(true);
    }
  });

  it("sharpens as temperature falls and flattens as it rises", () => {
    const temps = [0.1, 0.2, 0.5, 1, 1.5, 2, 3];
    const tops = temps.map((t) => softmax(logits, t)[0]);
    const entropies = temps.map((t) => entropyBits(softmax(logits, t)));
    for (let i = 1; i < temps.length; i++) {
      expect(tops[i]).toBeLessThan(tops[i - 1]);
      expect(entropies[i]).toBeGreaterThan(entropies[i - 1]);
    }
    expect(softmax(logits, 0.1)[0]).toBeGreaterThan(0.9999);
    // very high temperature approaches the uniform distribution
    softmax(logits, 1e6).forEach((p) => expect(p).toBeCloseTo(1 / logits.length, 5));
  });

  it("never changes the order of the candidates, so greedy picks the same token at any T", () => {
    for (const t of [0.1, 1, 3]) expect(argmax(softmax(logits, t))).toBe(0);
  });

  it("is stable for huge logits (no NaN or Infinity)", () => {
    const p = softmax([1000, 1001, 1002], 0.1);
    expect(p.every(Number.isFinite)).toBe(true);
    expect(sum(p)).toBeCloseTo(1, 12);
  });

  it("rejects a temperature that is not positive, and empty or non-finite logits", () => {
    expect(() => softmax(logits, 0)).toThrow(RangeError);
    expect(() => softmax(logits, -1)).toThrow(/positive/);
    expect(() => softmax([], 1)).toThrow(/at least one/);
    expect(() => softmax([1, Number.NaN], 1)).toThrow(/finite/);
  });
});

describe("helpers", () => {
  it("argmax returns the first index of the maximum", () => {
    expect(argmax([0.1, 0.5, 0.5, 0.2])).toBe(1);
    expect(() => argmax([])).toThrow();
  });

  it("entropy is 0 for a certain outcome and log2(n) for a uniform one", () => {
    expect(entropyBits([1, 0, 0])).toBe(0);
    expect(entropyBits([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(2, 12);
  });

  it("sampleIndex walks the cumulative distribution", () => {
    const p = [0.5, 0.3, 0.2];
    expect(sampleIndex(p, 0)).toBe(0);
    expect(sampleIndex(p, 0.49)).toBe(0);
    expect(sampleIndex(p, 0.5)).toBe(1);
    expect(sampleIndex(p, 0.79)).toBe(1);
    expect(sampleIndex(p, 0.8)).toBe(2);
    expect(sampleIndex(p, 0.9999999)).toBe(2);
  });
});

describe("top-k and top-p filtering", () => {
  // The lesson's table: mat, floor, sofa, roof, moon at T = 1.
  const table = softmax([3.0, 2.2, 1.5, 0.5, -1.0]);

  it("top-k keeps the k most likely and renormalises (k = 2: mat 0.690, floor 0.310)", () => {
    const kept = keepTopK(table, 2);
    expect(kept[0]).toBeCloseTo(0.69, 3);
    expect(kept[1]).toBeCloseTo(0.31, 3);
    expect(kept.slice(2)).toEqual([0, 0, 0]);
    expect(keepTopK(table, 10)).toEqual(table.map((p) => p / sum(table)));
  });

  it("top-p keeps the token that crosses p (p = 0.9: mat, floor and sofa, 0.598 / 0.269 / 0.133)", () => {
    const kept = keepTopP(table, 0.9);
    expect(kept.map((p) => Number(p.toFixed(3)))).toEqual([0.598, 0.269, 0.133, 0, 0]);
    expect(keepTopP(table, 0.5)).toEqual([1, 0, 0, 0, 0]);
    expect(sum(keepTopP(table, 1))).toBeCloseTo(1, 12);
    expect(keepTopP(table, 1).every((p) => p > 0)).toBe(true);
  });

  it("rejects a k below 1 and a p outside (0, 1]", () => {
    expect(() => keepTopK(table, 0)).toThrow(/at least 1/);
    expect(() => keepTopP(table, 0)).toThrow(/\(0, 1\]/);
    expect(() => keepTopP(table, 1.5)).toThrow(/\(0, 1\]/);
  });
});
