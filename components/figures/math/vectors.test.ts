import { describe, expect, it } from "@jest/globals";
import wordVectors from "@/content/figures/word-vectors.json";
import { add, angleDegrees, cosineSimilarity, direction2d, norm, subtract } from "./vectors";

describe("cosine similarity and angle", () => {
  it("is 1 for the same direction whatever the length, 0 for perpendicular, -1 for opposite", () => {
    expect(cosineSimilarity([1, 2], [3, 6])).toBeCloseTo(1, 12);
    expect(cosineSimilarity([1, 0], [0, 5])).toBeCloseTo(0, 12);
    expect(cosineSimilarity([1, 1], [-2, -2])).toBeCloseTo(-1, 12);
    expect(angleDegrees([1, 0], [0, 1])).toBeCloseTo(90, 10);
    expect(angleDegrees([1, 0], [1, 1])).toBeCloseTo(45, 10);
    expect(angleDegrees([2, 2], [1, 1])).toBeCloseTo(0, 4);
  });

  it("matches a known pair: (3, 4) and (4, 3) have cos θ = 24/25", () => {
    expect(cosineSimilarity([3, 4], [4, 3])).toBeCloseTo(0.96, 12);
    expect(norm([3, 4])).toBe(5);
  });

  it("refuses zero vectors and mismatched lengths", () => {
    expect(() => cosineSimilarity([0, 0], [1, 1])).toThrow(/zero vector/);
    expect(() => cosineSimilarity([1, 2], [1, 2, 3])).toThrow(/different lengths/);
  });

  it("adds, subtracts and measures direction", () => {
    expect(add([1, 2], [3, 4])).toEqual([4, 6]);
    expect(subtract([1, 2], [3, 4])).toEqual([-2, -2]);
    expect(direction2d([0, 1])).toBeCloseTo(90, 12);
    expect(direction2d([-1, 0])).toBeCloseTo(180, 12);
  });
});

describe("word-vectors.json", () => {
  const table = new Map(wordVectors.words.map((w) => [w.word, w.vector]));
  const v = (w: string) => {
    const found = table.get(w);
    if (!found) throw new Error(`missing ${w}`);
    return found;
  };

  it("has unique words, each a finite non-zero 2-D vector", () => {
    expect(table.size).toBe(wordVectors.words.length);
    for (const w of ["king", "queen", "man", "woman", "apple", "banana"]) expect(table.has(w)).toBe(true);
    for (const vector of table.values()) {
      expect(vector).toHaveLength(2);
      expect(vector.every(Number.isFinite)).toBe(true);
      expect(norm(vector)).toBeGreaterThan(0);
    }
  });

  it("puts related words closer in direction than unrelated ones", () => {
    expect(cosineSimilarity(v("king"), v("queen"))).toBeGreaterThan(0.9);
    expect(cosineSimilarity(v("apple"), v("banana"))).toBeGreaterThan(0.9);
    expect(cosineSimilarity(v("man"), v("woman"))).toBeGreaterThan(0.9);
    expect(cosineSimilarity(v("king"), v("apple"))).toBeLessThan(0.3);
    expect(cosineSimilarity(v("man"), v("banana"))).toBeLessThan(0.1);
  });

  it("makes king − man + woman exactly queen, as the figure claims", () => {
    const analogy = add(subtract(v("king"), v("man")), v("woman"));
    analogy.forEach((x, i) => expect(x).toBeCloseTo(v("queen")[i], 10));
  });
});
