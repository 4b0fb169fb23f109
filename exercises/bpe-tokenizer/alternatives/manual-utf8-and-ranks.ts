// Correct too: encodes UTF-8 by hand from code points, counts pairs with numeric keys, and encodes by repeatedly merging the lowest-ranked pair present (as GPT-2's tokenizer does).
function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return bytes;
}

export function mostFrequentPair(ids: number[]): [number, number] | null {
  const counts = new Map<number, number>();
  const firstSeen: number[] = [];
  for (let i = 0; i < ids.length - 1; i++) {
    const key = ids[i] * 1_000_000 + ids[i + 1];
    if (!counts.has(key)) firstSeen.push(key);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (firstSeen.length === 0) return null;
  let bestKey = firstSeen[0];
  for (const key of firstSeen) if (counts.get(key)! > counts.get(bestKey)!) bestKey = key;
  return [Math.floor(bestKey / 1_000_000), bestKey % 1_000_000];
}

export function mergePair(ids: number[], pair: [number, number], newId: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] === pair[0] && ids[i + 1] === pair[1]) {
      out.push(newId);
      i++;
    } else out.push(ids[i]);
  }
  return out;
}

export function trainBpe(text: string, numMerges: number): Array<[number, number]> {
  let ids = utf8(text);
  const merges: Array<[number, number]> = [];
  while (merges.length < numMerges && ids.length >= 2) {
    const pair = mostFrequentPair(ids)!;
    ids = mergePair(ids, pair, 256 + merges.length);
    merges.push(pair);
  }
  return merges;
}

export function encode(text: string, merges: Array<[number, number]>): number[] {
  const rank = new Map(merges.map(([a, b], i) => [`${a},${b}`, i]));
  let ids = utf8(text);
  for (;;) {
    let best = -1;
    for (let i = 0; i < ids.length - 1; i++) {
      const r = rank.get(`${ids[i]},${ids[i + 1]}`);
      if (r !== undefined && (best === -1 || r < best)) best = r;
    }
    if (best === -1) return ids;
    ids = mergePair(ids, merges[best], 256 + best);
  }
}
