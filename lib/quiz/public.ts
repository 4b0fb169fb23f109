/**
 * What the browser may see of a quiz before it is submitted: prompts, options and
 * items, in an order shuffled per attempt, and nothing that gives the answer away
 * (no `correct` flags, no answers, no accepted texts, no explanations, no feedback,
 * no section links).
 *
 * Shuffling is deterministic: the same seed always gives the same order, so the
 * server can reconstruct exactly what a learner saw from the seed stored with the
 * attempt, and the browser can reshuffle for a retake without asking the server
 * (`shufflePublicQuiz(publicQuiz, newSeed)` equals `toPublicQuiz(quiz, { seed: newSeed })`).
 *
 * Ordering questions must never start in the correct order, and the browser does not
 * know the correct order. So the server picks, once per question (independent of the
 * seed), a cyclic arrangement of the items that is not a rotation of the correct
 * order (this is why ordering needs at least 3 items: with 2, every arrangement is a
 * rotation of the answer), and a seed only chooses which rotation of it to show. Every
 * rotation therefore differs from the correct order, on the server and in the browser.
 */
import { seededRandom } from "../seeded-random";
import type { Quiz } from "./schema";
import { DEFAULT_PASS_PERCENT } from "./constants";

export interface PublicOption {
  id: string;
  /** Markdown (inline subset). */
  text: string;
}

interface PublicQuestionBase {
  id: string;
  /** Markdown (inline subset). */
  prompt: string;
}

export interface PublicSingleQuestion extends PublicQuestionBase {
  type: "single";
  options: PublicOption[];
}
export interface PublicMultipleQuestion extends PublicQuestionBase {
  type: "multiple";
  options: PublicOption[];
}
export interface PublicTrueFalseQuestion extends PublicQuestionBase {
  type: "true-false";
}
export interface PublicOrderingQuestion extends PublicQuestionBase {
  type: "ordering";
  /** Never in the correct order. */
  items: PublicOption[];
}
export interface PublicMatchingQuestion extends PublicQuestionBase {
  type: "matching";
  left: PublicOption[];
  right: PublicOption[];
}
export interface PublicNumericQuestion extends PublicQuestionBase {
  type: "numeric";
  unit?: string;
}
export interface PublicTextQuestion extends PublicQuestionBase {
  type: "text";
}

export type PublicQuestion =
  | PublicSingleQuestion
  | PublicMultipleQuestion
  | PublicTrueFalseQuestion
  | PublicOrderingQuestion
  | PublicMatchingQuestion
  | PublicNumericQuestion
  | PublicTextQuestion;

export interface PublicQuiz {
  id: string;
  title: string;
  chapter: string;
  lesson: string;
  passPercent: number;
  /** The attempt seed this arrangement was shuffled with; send it back with the answers. */
  seed: number;
  questions: PublicQuestion[];
}

/** Seeds are non-negative 31-bit integers so they fit a PostgreSQL `integer` column. */
export const MAX_SEED = 2 ** 31 - 1;

export function isValidSeed(seed: unknown): seed is number {
  return typeof seed === "number" && Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED;
}

/** A fresh attempt seed from the platform's CSPRNG (browser and Node 20 both have `crypto`). */
export function randomSeed(): number {
  const buf = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buf);
  return buf[0] & MAX_SEED;
}

/** Strips the answer key and shuffles options and items for one attempt. */
export function toPublicQuiz(quiz: Quiz, opts: { seed?: number } = {}): PublicQuiz {
  const seed = opts.seed ?? randomSeed();
  const stripped: PublicQuiz = {
    ...publicHeading(quiz, quiz.passPercent ?? DEFAULT_PASS_PERCENT, seed),
    // Each field is copied by name (never spread) so nothing else can ride along.
    questions: quiz.questions.map((q): PublicQuestion => {
      const base = { id: q.id, prompt: q.prompt };
      switch (q.type) {
        case "single":
        case "multiple":
          return { ...base, type: q.type, options: q.options.map(publicOption) };
        case "true-false":
          return { ...base, type: "true-false" };
        case "ordering": {
          const byId = new Map(q.items.map((i) => [i.id, i]));
          const arrangement = arrangementAwayFromRotationsOf(q.correctOrder, `${quiz.id}|${q.id}|ordering`);
          return { ...base, type: "ordering", items: arrangement.map((itemId) => publicOption(byId.get(itemId)!)) };
        }
        case "matching":
          return { ...base, type: "matching", left: q.left.map(publicOption), right: q.right.map(publicOption) };
        case "numeric":
          return q.unit === undefined ? { ...base, type: "numeric" } : { ...base, type: "numeric", unit: q.unit };
        case "text":
          return { ...base, type: "text" };
      }
    }),
  };
  return shufflePublicQuiz(stripped, seed);
}

/** A quiz's heading fields, copied by name (never spread) so nothing else can ride along. */
function publicHeading(quiz: Pick<PublicQuiz, "id" | "title" | "chapter" | "lesson">, passPercent: number, seed: number): Omit<PublicQuiz, "questions"> {
  return { id: quiz.id, title: quiz.title, chapter: quiz.chapter, lesson: quiz.lesson, passPercent, seed };
}

/**
 * Rearranges a public quiz for another attempt seed. The result depends only on the
 * quiz content and `seed`, not on the order the input happens to be in.
 */
export function shufflePublicQuiz(quiz: PublicQuiz, seed: number): PublicQuiz {
  if (!isValidSeed(seed)) throw new RangeError(`seed must be an integer from 0 to ${MAX_SEED}, got ${seed}`);
  const rngFor = (questionId: string, field: string) => seededRandom(hashString(`${seed}|${quiz.id}|${questionId}|${field}`));
  return {
    ...publicHeading(quiz, quiz.passPercent, seed),
    questions: quiz.questions.map((q): PublicQuestion => {
      // Rebuilt field by field (never spread), like toPublicQuiz, so this stays safe
      // even if a caller hands it an object that carries more than the public type.
      const base = { id: q.id, prompt: q.prompt };
      switch (q.type) {
        case "single":
        case "multiple":
          return { ...base, type: q.type, options: shuffled(sortedById(q.options), rngFor(q.id, "options")).map(publicOption) };
        case "matching":
          return {
            ...base,
            type: "matching",
            left: shuffled(sortedById(q.left), rngFor(q.id, "left")).map(publicOption),
            right: shuffled(sortedById(q.right), rngFor(q.id, "right")).map(publicOption),
          };
        case "ordering": {
          // Only rotations: they keep the cyclic arrangement, which is never the answer's.
          const canonical = rotateToSmallestId(q.items).map(publicOption);
          const k = Math.floor(rngFor(q.id, "rotation")() * canonical.length);
          return { ...base, type: "ordering", items: [...canonical.slice(k), ...canonical.slice(0, k)] };
        }
        case "true-false":
        case "text":
          return { ...base, type: q.type };
        case "numeric":
          return q.unit === undefined ? { ...base, type: "numeric" } : { ...base, type: "numeric", unit: q.unit };
      }
    }),
  };
}

function publicOption(o: { id: string; text: string }): PublicOption {
  return { id: o.id, text: o.text };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedById<T extends { id: string }>(xs: readonly T[]): T[] {
  return [...xs].sort((a, b) => compareIds(a.id, b.id));
}

function rotateToSmallestId<T extends { id: string }>(xs: readonly T[]): T[] {
  let start = 0;
  xs.forEach((x, i) => {
    if (compareIds(x.id, xs[start].id) < 0) start = i;
  });
  return [...xs.slice(start), ...xs.slice(0, start)];
}

/** True when `candidate` is `order` rotated by some k (including k = 0). */
export function isRotationOf(candidate: readonly string[], order: readonly string[]): boolean {
  if (candidate.length !== order.length) return false;
  const n = order.length;
  for (let k = 0; k < n; k++) {
    if (order.every((_, i) => candidate[i] === order[(i + k) % n])) return true;
  }
  return false;
}

/**
 * A deterministic arrangement of `order` that is not any rotation of it. Needs n >= 3.
 * A few seeded shuffles almost always succeed (n/n! of arrangements are rotations);
 * the fallback swaps the first two items, which breaks the cyclic adjacency
 * order[0] -> order[1] that every rotation keeps.
 */
export function arrangementAwayFromRotationsOf(order: readonly string[], key: string): string[] {
  if (order.length < 3) throw new RangeError("an ordering question needs at least 3 items");
  const rng = seededRandom(hashString(key));
  for (let attempt = 0; attempt < 16; attempt++) {
    const candidate = shuffled(order, rng);
    if (!isRotationOf(candidate, order)) return candidate;
  }
  return [order[1], order[0], ...order.slice(2)];
}

/** Fisher-Yates with the given random source; returns a new array. */
function shuffled<T>(xs: readonly T[], rng: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** FNV-1a, 32-bit: a stable hash of a string (same in every JS engine). */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

