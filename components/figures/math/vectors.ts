/** Small vector helpers for the vector-space figure (any dimension). */

export type Vec = readonly number[];

function sameLength(a: Vec, b: Vec): void {
  if (a.length !== b.length) throw new RangeError(`vectors have different lengths: ${a.length} and ${b.length}`);
}

export function dot(a: Vec, b: Vec): number {
  sameLength(a, b);
  return a.reduce((sum, x, i) => sum + x * b[i], 0);
}

/** Length (Euclidean norm) of a vector. */
export function norm(a: Vec): number {
  return Math.sqrt(dot(a, a));
}

export function add(a: Vec, b: Vec): number[] {
  sameLength(a, b);
  return a.map((x, i) => x + b[i]);
}

export function subtract(a: Vec, b: Vec): number[] {
  sameLength(a, b);
  return a.map((x, i) => x - b[i]);
}

/**
 * cos θ = a·b / (|a| |b|): 1 for the same direction, 0 for perpendicular, -1 for
 * opposite. Length does not matter, only direction.
 */
export function cosineSimilarity(a: Vec, b: Vec): number {
  const lengths = norm(a) * norm(b);
  if (lengths === 0) throw new RangeError("cosine similarity is undefined for a zero vector");
  // Clamp: rounding can push the ratio a hair outside [-1, 1].
  return Math.min(1, Math.max(-1, dot(a, b) / lengths));
}

/** The angle between two vectors, in degrees (0 to 180). */
export function angleDegrees(a: Vec, b: Vec): number {
  return (Math.acos(cosineSimilarity(a, b)) * 180) / Math.PI;
}

/** Direction of a 2-D vector measured anticlockwise from the x axis, in degrees (-180 to 180). */
export function direction2d(v: Vec): number {
  return (Math.atan2(v[1], v[0]) * 180) / Math.PI;
}
