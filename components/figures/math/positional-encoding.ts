/**
 * Sinusoidal positional encoding (Vaswani et al., 2017), in plain numbers:
 *   PE[pos, 2i]   = sin(pos / 10000^(2i / dModel))
 *   PE[pos, 2i+1] = cos(pos / 10000^(2i / dModel))
 * Each pair of dimensions is a sine/cosine wave; the wavelength grows geometrically
 * from 2π (dimensions 0 and 1) towards 10000·2π (the last pair).
 */

/** The angular frequency shared by dimensions 2i and 2i+1. */
export function pairFrequency(dim: number, dModel: number): number {
  const i = Math.floor(dim / 2);
  return 1 / Math.pow(10000, (2 * i) / dModel);
}

/** Wavelength in positions of dimension `dim` (how many positions one full wave spans). */
export function wavelength(dim: number, dModel: number): number {
  return (2 * Math.PI) / pairFrequency(dim, dModel);
}

export function positionalEncodingValue(pos: number, dim: number, dModel: number): number {
  const angle = pos * pairFrequency(dim, dModel);
  return dim % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
}

/** The full [seqLen, dModel] table, row = position, column = dimension. */
export function positionalEncoding(seqLen: number, dModel: number): number[][] {
  if (!Number.isInteger(seqLen) || seqLen < 1) throw new RangeError(`seqLen must be a positive integer, got ${seqLen}`);
  if (!Number.isInteger(dModel) || dModel < 2 || dModel % 2 !== 0) {
    throw new RangeError(`dModel must be an even integer >= 2, got ${dModel}`);
  }
  const table: number[][] = [];
  for (let pos = 0; pos < seqLen; pos++) {
    const row = new Array<number>(dModel);
    for (let dim = 0; dim < dModel; dim++) row[dim] = positionalEncodingValue(pos, dim, dModel);
    table.push(row);
  }
  return table;
}
