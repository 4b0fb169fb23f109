/**
 * Dates and "how long ago", for the learner dashboard and the instructor pages: plain functions,
 * the same on the server and in the browser (UTC, so both render the same text).
 */

/** The Intl locale each site locale formats with ("12 Mar 2026" in English, "2026年3月12日" in Chinese). */
const INTL_LOCALE: Record<string, string> = { en: "en-GB", zh: "zh-CN" };
const intlLocale = (locale: string) => INTL_LOCALE[locale] ?? INTL_LOCALE.en;

/** "12 Mar 2026" (UTC: cohort dates are calendar days). "—" for none. */
export function formatDay(at: Date | string | number | null | undefined, locale = "en"): string {
  if (at === null || at === undefined) return "—";
  return new Date(at).toLocaleDateString(intlLocale(locale), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/** "12 March 2026" / "2026年3月12日" (UTC). */
export function formatLongDay(at: Date | string | number, locale = "en"): string {
  return new Date(at).toLocaleDateString(intlLocale(locale), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/** "3 h ago" in other languages: Intl's relative time, "刚刚" under a minute. */
function relativeAgo(seconds: number, locale: string, at: Date | string | number, dateAfterDays: number): string {
  if (seconds < 60) return locale === "zh" ? "刚刚" : "just now";
  const rtf = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: "auto" });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return rtf.format(-minutes, "minute");
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return rtf.format(-hours, "hour");
  const days = Math.floor(hours / 24);
  if (days < dateAfterDays) return rtf.format(-days, "day");
  return formatDay(at, locale);
}

/**
 * "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", and from `dateAfterDays` days on
 * the date. "never" for none.
 */
export function formatAgo(at: Date | string | number | null | undefined, now: number, dateAfterDays = 30, locale = "en"): string {
  if (at === null || at === undefined) return locale === "zh" ? "从未" : "never";
  const seconds = Math.max(0, Math.round((now - new Date(at).getTime()) / 1000));
  if (locale !== "en") return relativeAgo(seconds, locale, at, dateAfterDays);
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

const DURATION_UNITS: Record<string, { s: string; min: string; h: string; d: string }> = {
  en: { s: "s", min: "min", h: "h", d: "d" },
  zh: { s: "秒", min: "分钟", h: "小时", d: "天" },
};

/** "45 s", "12 min", "3 h 20 min", "2 d 4 h" ("45 秒", "3 小时 20 分钟"): durations as an instructor reads them. "—" for none. */
export function formatDuration(seconds: number | null, locale = "en"): string {
  if (seconds === null || !Number.isFinite(seconds)) return "—";
  const u = DURATION_UNITS[locale] ?? DURATION_UNITS.en;
  const s = Math.round(seconds);
  if (s < 60) return `${s} ${u.s}`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} ${u.min}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} ${u.h} ${minutes % 60} ${u.min}` : `${hours} ${u.h}`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} ${u.d} ${hours % 24} ${u.h}` : `${days} ${u.d}`;
}

/** "12 Mar 2026, 14:05 UTC" / "2026年3月12日 14:05（UTC）". */
export function formatMoment(at: Date | string | number, locale = "en"): string {
  const d = new Date(at);
  const time = d.toISOString().slice(11, 16);
  return locale === "zh" ? `${formatDay(d, locale)} ${time}（UTC）` : `${formatDay(d)}, ${time} UTC`;
}

/** "1 Mar 2026 – 30 Jun 2026", "from 1 Mar 2026" / "2026年3月1日起". */
export function formatDates(startsAt: Date | string, endsAt: Date | string | null, locale = "en"): string {
  if (endsAt) return `${formatDay(startsAt, locale)} – ${formatDay(endsAt, locale)}`;
  return locale === "zh" ? `${formatDay(startsAt, locale)}起` : `from ${formatDay(startsAt)}`;
}
