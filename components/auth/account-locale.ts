"use client";
import { LOCALE_COOKIE, isLocale, type Locale } from "@/lib/i18n/locales";

const YEAR = 60 * 60 * 24 * 365;

/** Remembers the language in this browser (the proxy reads the cookie on the next visit). */
export function rememberLocale(locale: Locale): void {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${YEAR}; samesite=lax`;
}

/** Stores the language on the signed-in account. Failing is harmless: the cookie still holds it. */
export async function storeAccountLocale(locale: Locale): Promise<void> {
  await fetch("/api/me/locale", {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ locale }),
  }).catch(() => undefined);
}

/**
 * Right after sign-in: the language stored with the account wins (chosen on another device);
 * an account with none yet takes the language of the page the user signed in on. Returns the
 * locale the site should now be shown in.
 */
export async function settleAccountLocale(pageLocale: Locale): Promise<Locale> {
  const response = await fetch("/api/me").catch(() => null);
  const stored = response?.ok ? ((await response.json()) as { user?: { locale?: unknown } }).user?.locale : undefined;
  if (isLocale(stored)) {
    rememberLocale(stored);
    return stored;
  }
  await storeAccountLocale(pageLocale);
  return pageLocale;
}
