/**
 * Dates and "how long ago", for the learner dashboard and the instructor pages: plain functions,
 * the same on the server and in the browser (UTC, so both render the same text).
 */

/** "12 Mar 2026" (UTC: cohort dates are calendar days). "—" for none. */
export function formatDay(at: Date | string | number | null | undefined): string {
  if (at === null || at === undefined) return "—";
  return new Date(at).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/**
 * "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", and from `dateAfterDays` days on
 * the date. "never" for none.
 */
export function formatAgo(at: Date | string | number | null | undefined, now: number, dateAfterDays = 30): string {
  if (at === null || at === undefined) return "never";
  const seconds = Math.max(0, Math.round((now - new Date(at).getTime()) / 1000));
  if (seconds < 60) return "just now";
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days === 1) return "yesterday";
  if (days < dateAfterDays) return `${days} days ago`;
  return formatDay(at);
}
