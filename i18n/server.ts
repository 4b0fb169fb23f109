import "server-only";
import { notFound } from "next/navigation";
import { getLocale, setRequestLocale } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";

/**
 * For a page or layout under app/[locale]: the locale of its URL, registered with next-intl so
 * the components below read it without headers() (static pages stay static).
 */
export async function enterLocale(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return locale;
}

/** The locale of the page being rendered, for server components deeper in the tree. */
export async function currentLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}
