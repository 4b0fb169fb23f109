// Wrong: mergePair moves on by one id after a match instead of two, so overlapping pairs merge twice ([a, a, a] gives [X, X, a]).

/** The most frequent adjacent pair (ties: the pair seen first), or null when there are fewer than 2 ids. */
export function mostFrequentPair(ids: number[]): [number, number] | null {
  // A Map remembers insertion order, so iterating it visits pairs in the order first seen.
  const counts = new Map<string, { pair: [number, number]; count: number }>();
  for (let i = 0; i + 1 < ids.length; i++) {
    const key = `${ids[i]},${ids[i + 1]}`;
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { pair: [ids[i], ids[i + 1]], count: 1 });
  }
  let best: { pair: [number, number]; count: number } | null = null;
  for (const entry of counts.values()) {
    // Strictly greater: on a tie the earlier pair stays.
    if (best === null || entry.count > best.count) best = entry;
  }
  return best ? best.pair : null;
}

/** Replaces every occurrence of `pair`, left to right and without overlaps, by `newId`. */
export function mergePair(ids: number[], pair: [number, number], newId: number): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < ids.length) {
    if (i + 1 < ids.length && ids[i] === pair[0] && ids[i + 1] === pair[1]) {
      out.push(newId);
      i += 1;
    } else {
      out.push(ids[i]);
      i += 1;
    }
  }
  return out;
}

const utf8Bytes = (text: string): number[] => Array.from(new TextEncoder().encode(text));

/** Learns `numMerges` merges from the UTF-8 bytes of `text`; merge i creates id 256 + i. */
export function trainBpe(text: string, numMerges: number): Array<[number, number]> {
  let ids = utf8Bytes(text);
  const merges: Array<[number, number]> = [];
  for (let i = 0; i < numMerges; i++) {
    const pair = mostFrequentPair(ids);
    if (pair === null) break; // fewer than 2 tokens left: nothing to merge
    ids = mergePair(ids, pair, 256 + i);
    merges.push(pair);
  }
  return merges;
}

/** The token ids of `text`: its UTF-8 bytes with the merges applied in training order. */
export function encode(text: string, merges: Array<[number, number]>): number[] {
  // Merge i may use ids made by earlier merges, so the order matters.
  return merges.reduce((ids, pair, i) => mergePair(ids, pair, 256 + i), utf8Bytes(text));
}
