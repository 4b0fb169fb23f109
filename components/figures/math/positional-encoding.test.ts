import { describe, expect, it } from "@jest/globals";
import { pairFrequency, positionalEncoding, positionalEncodingValue, wavelength } from "./positional-encoding";

describe("sinusoidal positional encoding", () => {
  it("has shape [positions, dModel]", () => {
    const pe = positionalEncoding(50, 128);
    expect(pe).toHaveLength(50);
    pe.forEach((row) => expect(row).toHaveLength(128));
  });

  it("is sin 0 = 0 in even and cos 0 = 1 in odd dimensions at position 0", () => {
    const [row] = positionalEncoding(1, 16);
    row.forEach((v, i) => expect(v).toBe(i % 2 === 0 ? 0 : 1));
  });

  it("matches PE[p, 2i] = sin(p / 10000^(2i/d)) and PE[p, 2i+1] = cos(...) at known points", () => {
    const pe = positionalEncoding(50, 16);
    expect(pe[1][0]).toBeCloseTo(Math.sin(1), 12); // 0.8415
    expect(pe[1][1]).toBeCloseTo(Math.cos(1), 12); // 0.5403
    expect(pe[10][2]).toBeCloseTo(Math.sin(10 / Math.pow(10000, 2 / 16)), 12);
    expect(pe[10][2]).toBeCloseTo(-0.02068, 4);
    expect(pe[10][3]).toBeCloseTo(-0.99979, 4);
    expect(pe[49][15]).toBeCloseTo(Math.cos(49 / Math.pow(10000, 14 / 16)), 12);
    expect(positionalEncodingValue(25, 6, 64)).toBeCloseTo(Math.sin(25 / Math.pow(10000, 6 / 64)), 12);
  });

  it("keeps every value in [-1, 1] and sin² + cos² = 1 for each pair", () => {
    const pe = positionalEncoding(50, 64);
    for (const row of pe) {
      for (let i = 0; i < 64; i += 2) expect(row[i] ** 2 + row[i + 1] ** 2).toBeCloseTo(1, 12);
    }
  });

  it("gives every position a different vector", () => {
    const pe = positionalEncoding(50, 16).map((row) => row.map((v) => v.toFixed(6)).join(","));
    expect(new Set(pe).size).toBe(50);
  });

  it("has wavelengths from 2π upwards, shared by each sin/cos pair", () => {
    expect(wavelength(0, 64)).toBeCloseTo(2 * Math.PI, 12);
    expect(wavelength(1, 64)).toBeCloseTo(2 * Math.PI, 12);
    expect(pairFrequency(62, 64)).toBeCloseTo(pairFrequency(63, 64), 12);
    for (let d = 2; d < 64; d += 2) expect(wavelength(d, 64)).toBeGreaterThan(wavelength(d - 2, 64));
  });

  it("rejects sizes it cannot encode", () => {
    expect(() => positionalEncoding(0, 16)).toThrow(/seqLen/);
    expect(() => positionalEncoding(10, 15)).toThrow(/even/);
  });
});
