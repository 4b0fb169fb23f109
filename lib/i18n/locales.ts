/**
 * The site's locales as plain data (decision 026), shared by the routing (i18n/routing.ts), the
 * content loaders and the account's stored preference. Framework-free.
 */
export const LOCALES = ["en", "zh"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
/** next-intl's default cookie name; the proxy reads it, the language switch writes it. */
export const LOCALE_COOKIE = "NEXT_LOCALE";
/** The `lang` attribute of each locale's pages. */
export const HTML_LANG: Record<Locale, string> = { en: "en", zh: "zh-CN" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The URL of `path` (unprefixed, e.g. /learn/a/b) in `locale`: English stays unprefixed. */
export function localizedPath(path: string, locale: Locale): string {
  if (locale === DEFAULT_LOCALE) return path;
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}

/** Removes a locale prefix: /zh/learn/a -> /learn/a; /zh -> /; other paths unchanged. */
export function unlocalizedPath(path: string): string {
  for (const locale of LOCALES) {
    if (path === `/${locale}`) return "/";
    if (path.startsWith(`/${locale}/`)) return path.slice(locale.length + 1);
  }
  return path;
}
