/**
 * Answer cues: does the form of a quiz's options give the key away?
 *
 * Test-wise learners know two tells of hastily written multiple-choice items: the correct
 * option is the longest (it carries the qualifications that make it true), and it is the only
 * one hedged with a word like "usually" or "can". This module counts, over one quiz's
 * single-choice questions, how often the key is strictly the longest option, and how often it is
 * the only hedged one, and asks whether that is more than chance would give.
 *
 * The statistic: if option form carried no information, the key of a question with n options
 * would be the longest with probability 1/n, independently across questions. The count over a
 * quiz then follows a Poisson-binomial distribution, and the check reports the probability of a
 * count at least as high as the one observed (a one-sided tail). A quiz fails when that
 * probability is below ANSWER_CUE_ALPHA: with four-option questions, 3 keys out of 4 being
 * longest passes (p = 0.051), 4 out of 4 fails (p = 0.004), 5 of 8 fails (p = 0.027).
 * For hedges, only questions in which exactly one option is hedged count, with the same 1/n.
 */
import type { Quiz } from "./schema";

export const ANSWER_CUE_ALPHA = 0.05;

/** Hedge words: qualifiers that make a statement harder to falsify. */
const HEDGE = /\b(usually|often|generally|typically|mostly|largely|roughly|approximately|about|can|could|may|might|some|sometimes|tends?|likely|probably|in practice|in most)\b/i;

export const isHedged = (text: string) => HEDGE.test(text);

/** Visible length of an option: markdown and math markers do not count. */
const visibleLength = (text: string) => text.replace(/[`*_$\\]/g, "").trim().length;

/** P(X >= k) for X a sum of independent Bernoulli(p_i): a small dynamic programme. */
export function poissonBinomialTail(probabilities: readonly number[], k: number): number {
  let dist = [1];
  for (const p of probabilities) {
    const next = new Array(dist.length + 1).fill(0);
    dist.forEach((q, i) => {
      next[i] += q * (1 - p);
      next[i + 1] += q * p;
    });
    dist = next;
  }
  return dist.slice(Math.max(0, k)).reduce((a, b) => a + b, 0);
}

export interface CueCount {
  /** Questions where the cue could occur, and the chance of it occurring by luck in each. */
  chances: number[];
  /** Question ids where the key shows the cue. */
  hits: string[];
  /** P(at least this many hits by chance). */
  pValue: number;
}

export interface AnswerCueReport {
  longest: CueCount;
  onlyHedged: CueCount;
  leaks: boolean;
}

function count(chances: number[], hits: string[]): CueCount {
  return { chances, hits, pValue: poissonBinomialTail(chances, hits.length) };
}

export function answerCues(quiz: Quiz): AnswerCueReport {
  const longest = { chances: [] as number[], hits: [] as string[] };
  const hedged = { chances: [] as number[], hits: [] as string[] };
  for (const q of quiz.questions) {
    if (q.type !== "single") continue;
    const n = q.options.length;
    const lengths = q.options.map((o) => visibleLength(o.text));
    const keyIndex = q.options.findIndex((o) => o.correct);
    longest.chances.push(1 / n);
    const max = Math.max(...lengths);
    if (lengths[keyIndex] === max && lengths.filter((l) => l === max).length === 1) longest.hits.push(q.id);
    const hedges = q.options.map((o) => isHedged(o.text));
    if (hedges.filter(Boolean).length === 1) {
      hedged.chances.push(1 / n);
      if (hedges[keyIndex]) hedged.hits.push(q.id);
    }
  }
  const report = { longest: count(longest.chances, longest.hits), onlyHedged: count(hedged.chances, hedged.hits) };
  return { ...report, leaks: report.longest.pValue < ANSWER_CUE_ALPHA || report.onlyHedged.pValue < ANSWER_CUE_ALPHA };
}

/** The content check's messages for one quiz file (empty when its options give nothing away). */
export function answerCueProblems(file: string, quiz: Quiz): string[] {
  const { longest, onlyHedged } = answerCues(quiz);
  const problems: string[] = [];
  if (longest.pValue < ANSWER_CUE_ALPHA) {
    problems.push(
      `${file}: the key is the longest option in ${longest.hits.length} of ${longest.chances.length} single-choice questions (chance alone: p = ${longest.pValue.toFixed(3)}): ${longest.hits.join(", ")}. Balance the options' length and detail.`,
    );
  }
  if (onlyHedged.pValue < ANSWER_CUE_ALPHA) {
    problems.push(
      `${file}: the key is the only hedged option ("usually", "can", ...) in ${onlyHedged.hits.length} of ${onlyHedged.chances.length} questions with one hedged option (chance alone: p = ${onlyHedged.pValue.toFixed(3)}): ${onlyHedged.hits.join(", ")}.`,
    );
  }
  return problems;
}
