import { describe, expect, it } from "@jest/globals";
import * as tf from "@tensorflow/tfjs";
import attentionJson from "@/content/figures/attention.json";
import { buildAttentionData, formatAttentionJson } from "../data/attention-data";
import { type AttentionData, causalMaskMatrix, checkAttentionData, computeAttention } from "./attention";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const data = checkAttentionData(attentionJson as AttentionData);
const plain = computeAttention(tf, data, { causal: false });
const causal = computeAttention(tf, data, { causal: true });
const n = data.tokens.length;
const idx = (token: string) => data.tokens.indexOf(token);
const argmax = (row: number[]) => row.indexOf(Math.max(...row));

describe("attention.json", () => {
  it("is exactly what the documented builder produces", () => {
    const onDisk = readFileSync(join(process.cwd(), "content/figures/attention.json"), "utf8");
    expect(onDisk).toBe(formatAttentionJson(buildAttentionData()));
  });

  it("tokenises the sentence into its 11 words and has 4 heads of d_k = 4", () => {
    expect(data.tokens.join(" ")).toBe(data.sentence);
    expect(n).toBe(11);
    expect(data.heads).toHaveLength(4);
    for (const head of data.heads) expect(head.wq[0]).toHaveLength(4);
  });

  it("rejects malformed data with a message naming the problem", () => {
    const broken = { ...data, embeddings: data.embeddings.slice(1) };
    expect(() => checkAttentionData(broken)).toThrow(/embeddings must be a 11x16 matrix/);
    const badHead = { ...data, heads: [{ ...data.heads[0], wk: data.heads[0].wk.map((r) => r.slice(1)) }] };
    expect(() => checkAttentionData(badHead)).toThrow(/head 1: wk/);
  });
});

describe("computeAttention (tfjs)", () => {
  it("returns one [tokens x tokens] weight matrix per head whose rows sum to 1", () => {
    for (const result of [plain, causal]) {
      expect(result).toHaveLength(data.heads.length);
      for (const { weights } of result) {
        expect(weights).toHaveLength(n);
        for (const row of weights) {
          expect(row).toHaveLength(n);
          expect(row.every((w) => w >= 0)).toBe(true);
          expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
        }
      }
    }
  });

  it("matches a hand computation of softmax(QKᵀ/√d_k) for one row", () => {
    const head = data.heads[0];
    const x = data.embeddings.map((e, p) => e.map((v, d) => v + data.positional[p][d]));
    const project = (row: number[], w: number[][]) => w[0].map((_, c) => row.reduce((s, v, d) => s + v * w[d][c], 0));
    const i = idx("it");
    const q = project(x[i], head.wq);
    const scores = x.map((xj) => project(xj, head.wk).reduce((s, k, c) => s + k * q[c], 0) / Math.sqrt(q.length));
    const max = Math.max(...scores);
    const exps = scores.map((s) => Math.exp(s - max));
    const total = exps.reduce((a, b) => a + b, 0);
    exps.forEach((e, j) => expect(plain[0].weights[i][j]).toBeCloseTo(e / total, 5));
  });

  it("gives each head a different pattern", () => {
    for (let a = 0; a < plain.length; a++) {
      for (let b = a + 1; b < plain.length; b++) {
        const biggestGap = Math.max(...plain[a].weights.flatMap((row, i) => row.map((w, j) => Math.abs(w - plain[b].weights[i][j]))));
        expect(biggestGap).toBeGreaterThan(0.5);
      }
    }
  });

  it("head 1 resolves “it” to “animal”", () => {
    const row = plain[0].weights[idx("it")];
    expect(argmax(row)).toBe(idx("animal"));
    expect(row[idx("animal")]).toBeGreaterThan(0.7);
    // and "it"'s output takes on the animal's noun and animate features
    const [noun, animate] = plain[0].outputs[idx("it")];
    expect(noun).toBeGreaterThan(0.7);
    expect(animate).toBeGreaterThan(0.7);
  });

  it("head 2 attends to the previous word (the first word to itself)", () => {
    plain[1].weights.forEach((row, i) => {
      expect(argmax(row)).toBe(Math.max(0, i - 1));
      expect(row[Math.max(0, i - 1)]).toBeGreaterThan(0.8);
    });
  });

  it("head 3 attends to the word itself", () => {
    plain[2].weights.forEach((row, i) => expect(argmax(row)).toBe(i));
  });

  it("head 4 links modifiers to the word they modify", () => {
    const w = plain[3].weights;
    expect(argmax(w[idx("The")])).toBe(idx("animal"));
    expect(argmax(w[idx("the")])).toBe(idx("street"));
    expect(argmax(w[idx("too")])).toBe(idx("tired"));
    expect(argmax(w[idx("tired")])).toBe(idx("it"));
  });

  it("the causal mask zeroes every weight above the diagonal and leaves the first row all on itself", () => {
    for (const { weights } of causal) {
      weights.forEach((row, i) => row.forEach((w, j) => (j > i ? expect(w).toBe(0) : expect(w).toBeGreaterThanOrEqual(0))));
      expect(weights[0][0]).toBeCloseTo(1, 6);
    }
  });

  it("the causal mask barely changes a head that only looks back", () => {
    // head 2 already puts (almost) all weight on earlier words, so masking barely moves it
    plain[1].weights.forEach((row, i) => expect(causal[1].weights[i][Math.max(0, i - 1)]).toBeGreaterThan(0.8 * row[Math.max(0, i - 1)]));
  });

  it("the causal mask breaks the look-ahead modifier head: “The” can no longer see “animal”", () => {
    expect(causal[3].weights[idx("The")][idx("animal")]).toBe(0);
    expect(argmax(causal[3].weights[idx("the")])).not.toBe(idx("street"));
  });

  it("does not leak tensors", () => {
    const before = tf.memory().numTensors;
    computeAttention(tf, data, { causal: true });
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe("causalMaskMatrix", () => {
  it("is 1 on and below the diagonal and 0 above", () => {
    expect(causalMaskMatrix(3)).toEqual([
      [1, 0, 0],
      [1, 1, 0],
      [1, 1, 1],
    ]);
  });
});
