// Byte-pair encoding works on plain numbers: no tensors needed in this exercise.

/** The most frequent adjacent pair (ties: the pair seen first), or null when there are fewer than 2 ids. */
export function mostFrequentPair(ids: number[]): [number, number] | null {
  // TODO: count every adjacent pair (ids[i], ids[i + 1])
  return null;
}

/** Replaces every occurrence of `pair`, left to right and without overlaps, by `newId`. */
export function mergePair(ids: number[], pair: [number, number], newId: number): number[] {
  // TODO: walk the ids; on a match, emit newId and skip both ids
  return [...ids];
}

/** Learns `numMerges` merges from the UTF-8 bytes of `text`; merge i creates id 256 + i. */
export function trainBpe(text: string, numMerges: number): Array<[number, number]> {
  // TODO: start from the bytes (new TextEncoder().encode(text)); merge the most frequent pair, repeat
  return [];
}

/** The token ids of `text`: its UTF-8 bytes with the merges applied in training order. */
export function encode(text: string, merges: Array<[number, number]>): number[] {
  // TODO: bytes, then each merge in turn
  return Array.from(text, (ch) => ch.charCodeAt(0));
}
