/** How every view shows a quiz score and decides whether it passed (one rule, one format). */
import { DEFAULT_PASS_PERCENT } from "./constants";
import type { QuizScore } from "./grade";

/** 7 -> "7", 6.5 -> "6.5", 6.667 -> "6.67": at most two decimals, no trailing zeros. */
export function formatPoints(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** "7 / 10" for reading; "7/10" for a compact cell (the instructor's matrix, CSV). */
export function formatScore(s: QuizScore, style: "spaced" | "compact" = "spaced"): string {
  return `${formatPoints(s.score)}${style === "compact" ? "/" : " / "}${formatPoints(s.maxScore)}`;
}

/** The score as a fraction of the maximum (0 when the maximum is 0). */
export const scoreFraction = (s: QuizScore) => (s.maxScore > 0 ? s.score / s.maxScore : 0);

/**
 * The pass rule everywhere: the best score reaches the quiz's pass mark (a percent of the
 * maximum), allowing for floating-point error in sums of partial credit. No score: not passed.
 */
export function reachesPassMark(fraction: number | null | undefined, passPercent: number = DEFAULT_PASS_PERCENT): boolean {
  return fraction !== null && fraction !== undefined && fraction * 100 >= passPercent - 1e-9;
}
