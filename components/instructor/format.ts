/** Formatting for the instructor pages: plain functions, the same on the server and in the browser. */
import { formatDay } from "@/lib/time-format";

export { formatAgo, formatDay } from "@/lib/time-format";

/** "12 Mar 2026, 14:05 UTC". */
export function formatMoment(at: Date | string | number): string {
  const d = new Date(at);
  return `${formatDay(d)}, ${d.toISOString().slice(11, 16)} UTC`;
}

/** "Mar 2026 – Jun 2026", "from 1 Mar 2026". */
export function formatDates(startsAt: Date | string, endsAt: Date | string | null): string {
  return endsAt ? `${formatDay(startsAt)} – ${formatDay(endsAt)}` : `from ${formatDay(startsAt)}`;
}

export function formatPercent(fraction: number | null | undefined, digits = 0): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return "—";
  return `${(fraction * 100).toFixed(digits)}%`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
