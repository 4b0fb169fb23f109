import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { loadMessages, type Namespace } from "@/i18n/messages";
import { isLocale, DEFAULT_LOCALE } from "@/i18n/routing";

/**
 * Gives the client components below the messages of `namespaces` only (plus "common", which the
 * header needs everywhere). Without an explicit `messages`, next-intl would ship every namespace.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: Namespace[]; children: ReactNode }) {
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  const messages = await loadMessages(locale, ["common", ...namespaces.filter((n) => n !== "common")]);
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="UTC">
      {children}
    </NextIntlClientProvider>
  );
}
