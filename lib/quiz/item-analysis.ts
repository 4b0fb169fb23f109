/**
 * Classical item analysis for the instructor dashboard: pure functions, no I/O.
 *
 * Input: one record per attempt, question id -> credit in 0..1 (the `credit` of each
 * `gradeQuiz` result; a question missing from a record counts as 0). Which attempts to
 * include is the caller's choice; Moodle's default, and the usual one, is each learner's
 * first attempt, since later attempts are coached by the feedback of earlier ones.
 *
 * - Facility: the mean credit on the question, 0..1 (with all-or-nothing questions, the
 *   share of attempts that got it right). Very high or very low facility means the
 *   question tells you little about who understood.
 * - Discrimination index, as Moodle computes it: the Pearson correlation between the
 *   question's score and the rest-of-test score (the attempt's total minus this
 *   question), so a question is not correlated with itself. Range -1..1 (Moodle shows it
 *   as a percentage). Below 0.2 is weak: learners who did well on the rest of the quiz
 *   were not much more likely to get this one right, so the question may be ambiguous,
 *   mis-keyed or testing something else. Negative values usually mean a wrong key.
 *   When either score does not vary (everyone right, everyone wrong, a one-question
 *   quiz, fewer than two attempts) the correlation is undefined: it is reported as
 *   `null` with a note, never NaN.
 */

/** Moodle flags discrimination below 20% as weak. */
export const LOW_DISCRIMINATION = 0.2;

/** Variances below this are treated as zero (scores are sums of a few fractions). */
const ZERO_VARIANCE = 1e-12;

export type AttemptCredits = Record<string, number>;

export interface ItemStats {
  questionId: string;
  attempts: number;
  /** Mean credit 0..1; null with no attempts. */
  facility: number | null;
  /** Correlation of item score with rest-of-test score, -1..1; null when undefined (see `note`). */
  discrimination: number | null;
  /** discrimination is a number below the threshold. */
  lowDiscrimination: boolean;
  /** Why discrimination is null. */
  note?: string;
}

/** Turns graded results (`gradeQuiz(...).results`) into an attempt record. */
export function creditsFromResults(results: readonly { questionId: string; credit: number }[]): AttemptCredits {
  const out: AttemptCredits = {};
  for (const r of results) out[r.questionId] = r.credit;
  return out;
}

export function mean(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Share of full marks on an item (mean credit, 0..1); null with no attempts. */
export function facility(itemScores: readonly number[]): number | null {
  return mean(itemScores);
}

/**
 * Pearson correlation; null when either variable has (numerically) zero variance or
 * there are fewer than two pairs.
 */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new RangeError(`pearson needs equal lengths, got ${xs.length} and ${ys.length}`);
  const n = xs.length;
  if (n < 2) return null;
  const mx = mean(xs)!;
  const my = mean(ys)!;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx / n < ZERO_VARIANCE || syy / n < ZERO_VARIANCE) return null;
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.max(-1, Math.min(1, r));
}

/** Moodle's discrimination index: corr(item score, total score - item score). */
export function discriminationIndex(itemScores: readonly number[], totalScores: readonly number[]): number | null {
  const rest = totalScores.map((t, i) => t - itemScores[i]);
  return pearson(itemScores, rest);
}

/** Facility and discrimination for every question, in the order of `questionIds`. */
export function analyseItems(
  questionIds: readonly string[],
  attempts: readonly AttemptCredits[],
  opts: { threshold?: number } = {},
): ItemStats[] {
  const threshold = opts.threshold ?? LOW_DISCRIMINATION;
  const score = (a: AttemptCredits, id: string) => {
    const v = a[id];
    return typeof v === "number" && Number.isFinite(v) ? v : 0;
  };
  const totals = attempts.map((a) => questionIds.reduce((sum, id) => sum + score(a, id), 0));

  return questionIds.map((questionId) => {
    const item = attempts.map((a) => score(a, questionId));
    const discrimination = discriminationIndex(item, totals);
    const stats: ItemStats = {
      questionId,
      attempts: attempts.length,
      facility: facility(item),
      discrimination,
      lowDiscrimination: discrimination !== null && discrimination < threshold,
    };
    if (discrimination === null) stats.note = whyUndefined(item);
    return stats;
  });
}

/** Why a discrimination index is undefined, by code: pages show the code in their own language. */
export const UNDEFINED_REASONS = {
  "too-few": "needs at least two attempts",
  "all-right": "every attempt got this question right, so it cannot separate stronger from weaker learners",
  "none-right": "no attempt got this question right: check the answer key and the wording",
  "all-same": "every attempt scored the same on this question",
  "rest-same": "the rest of the quiz scored the same in every attempt, so there is nothing to correlate with",
} as const;
export type UndefinedReason = keyof typeof UNDEFINED_REASONS;

/** The code of an `ItemStats.note` (the English sentence stays in the API's answers). */
export function reasonOf(note: string | undefined): UndefinedReason | undefined {
  return (Object.keys(UNDEFINED_REASONS) as UndefinedReason[]).find((code) => UNDEFINED_REASONS[code] === note);
}

function whyUndefined(item: readonly number[]): string {
  if (item.length < 2) return UNDEFINED_REASONS["too-few"];
  if (variance(item) < ZERO_VARIANCE) {
    const f = mean(item)!;
    if (f >= 1) return UNDEFINED_REASONS["all-right"];
    if (f <= 0) return UNDEFINED_REASONS["none-right"];
    return UNDEFINED_REASONS["all-same"];
  }
  return UNDEFINED_REASONS["rest-same"];
}

function variance(xs: readonly number[]): number {
  const m = mean(xs) ?? 0;
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / Math.max(1, xs.length);
}
