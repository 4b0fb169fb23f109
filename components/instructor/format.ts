/** Formatting for the instructor pages: plain functions, the same on the server and in the browser. */
export { formatAgo, formatDates, formatDay, formatDuration, formatMoment } from "@/lib/time-format";

/** "42%" ("—" for none): the same in both languages. */
export function formatPercent(fraction: number | null | undefined, digits = 0): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return "—";
  return `${(fraction * 100).toFixed(digits)}%`;
}
