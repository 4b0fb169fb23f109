/** Formatting for the instructor pages: plain functions, the same on the server and in the browser. */

/** "12 Mar 2026" (UTC: cohort dates are calendar days). */
export function formatDay(at: Date | string | number | null | undefined): string {
  if (at === null || at === undefined) return "—";
  return new Date(at).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/** "12 Mar 2026, 14:05 UTC". */
export function formatMoment(at: Date | string | number): string {
  const d = new Date(at);
  return `${formatDay(d)}, ${d.toISOString().slice(11, 16)} UTC`;
}

/** "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", else the date. "never" for none. */
export function formatAgo(at: Date | string | number | null | undefined, now: number): string {
  if (at === null || at === undefined) return "never";
  const seconds = Math.max(0, Math.round((now - new Date(at).getTime()) / 1000));
  if (seconds < 60) return "just now";
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days === 1) return "yesterday";
  if (days < 30) return `${days} days ago`;
  return formatDay(at);
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
