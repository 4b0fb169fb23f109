/**
 * The character-level data of the capstone GPT: a vocabulary of the corpus's characters, a
 * train/validation split, seeded random windows, and the character-bigram baseline the trained
 * model has to beat.
 */
import { seededRandom } from "../seeded-random";

export interface Vocabulary {
  chars: string[];
  encode(text: string): number[];
  decode(ids: readonly number[]): string;
}

/** The corpus's distinct characters, sorted; characters outside it are dropped when encoding. */
export function buildVocabulary(text: string): Vocabulary {
  const chars = [...new Set(text)].sort();
  const index = new Map(chars.map((c, i) => [c, i]));
  return {
    chars,
    encode: (s) => [...s].flatMap((c) => (index.has(c) ? [index.get(c) as number] : [])),
    decode: (ids) => ids.map((i) => chars[i] ?? "").join(""),
  };
}

/** Seeded batches and samples: the same seed gives the same ones. */
export { seededRandom };

export interface CorpusSplit {
  train: number[];
  validation: number[];
}

/** The first 90% trains, the last 10% (lessons the model never trains on) validates. */
export function splitCorpus(ids: number[], validationShare = 0.1): CorpusSplit {
  const cut = Math.floor(ids.length * (1 - validationShare));
  return { train: ids.slice(0, cut), validation: ids.slice(cut) };
}

/** `batch` windows of `length` consecutive ids at random offsets. */
export function sampleWindows(ids: readonly number[], batch: number, length: number, random: () => number): number[][] {
  const windows: number[][] = [];
  for (let b = 0; b < batch; b++) {
    const start = Math.floor(random() * (ids.length - length));
    windows.push(ids.slice(start, start + length));
  }
  return windows;
}

/**
 * The loss of the best model that looks at one previous character only: bigram counts of the
 * training text (add-one smoothed), scored on the validation text. Nats per character.
 */
export function bigramBaseline(split: CorpusSplit, vocabSize: number): number {
  const counts = new Float64Array(vocabSize * vocabSize).fill(1);
  const totals = new Float64Array(vocabSize).fill(vocabSize);
  for (let i = 1; i < split.train.length; i++) {
    counts[split.train[i - 1] * vocabSize + split.train[i]]++;
    totals[split.train[i - 1]]++;
  }
  let nats = 0;
  for (let i = 1; i < split.validation.length; i++) {
    const [prev, next] = [split.validation[i - 1], split.validation[i]];
    nats -= Math.log(counts[prev * vocabSize + next] / totals[prev]);
  }
  return nats / (split.validation.length - 1);
}
