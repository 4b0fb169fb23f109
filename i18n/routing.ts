/**
 * URL scheme (decision 026): English unprefixed (/learn/...), Chinese under /zh (/zh/learn/...).
 * The locale cookie lasts a year so an anonymous reader's choice is remembered; next-intl's proxy
 * negotiates a first visit from Accept-Language.
 */
import { defineRouting } from "next-intl/routing";
import { DEFAULT_LOCALE, LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";

export { DEFAULT_LOCALE, HTML_LANG, LOCALE_COOKIE, LOCALES, isLocale, localizedPath, unlocalizedPath, type Locale } from "@/lib/i18n/locales";

export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE,
  localePrefix: "as-needed",
  localeCookie: { name: LOCALE_COOKIE, maxAge: 60 * 60 * 24 * 365 },
  // No alternate-link header on every response: the switch in the header links the other language.
  alternateLinks: false,
});
