import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { loadMessages, type Namespace } from "@/i18n/messages";
import { isLocale, DEFAULT_LOCALE } from "@/i18n/routing";

/**
 * Gives the client components below the messages of `namespaces` only. Without an explicit
 * `messages`, next-intl would ship every namespace. The layout has no provider (the header's
 * client parts get their words as props), so a page wraps the client components that read
 * messages in this; lesson pages have none at all (decision 037).
 */
export async function ClientMessages({ namespaces, children }: { namespaces: Namespace[]; children: ReactNode }) {
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  const messages = await loadMessages(locale, namespaces);
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="UTC">
      {children}
    </NextIntlClientProvider>
  );
}
