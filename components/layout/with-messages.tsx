"use client";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import type { Messages } from "@/i18n/messages";

/** The messages a lazily loaded part of a page brings with it (from its server slot), as props. */
export type IslandMessages = { locale: string; messages: Messages };

/**
 * next-intl's provider for a part of a page that loads on demand (the quiz, an opened exercise).
 * Import it only from lazily loaded modules: that keeps next-intl's runtime out of the page's first
 * load (lesson pages, decision 037).
 */
export function WithMessages({ locale, messages, children }: IslandMessages & { children: ReactNode }) {
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="UTC">
      {children}
    </NextIntlClientProvider>
  );
}
