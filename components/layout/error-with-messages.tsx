"use client";
import { NextIntlClientProvider } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { ErrorView } from "./error-view";

type Props = { error: Error & { digest?: string }; reset: () => void };

/** Loads the "common" messages of `locale` (precompiled by next-intl's plugin) and shows the error page with them. */
export async function loadErrorView(locale: Locale) {
  const messages = (await import(`../../messages/${locale}/common.json`)).default;
  return function LocalizedErrorView(props: Props) {
    return (
      <NextIntlClientProvider locale={locale} messages={{ common: messages }} timeZone="UTC">
        <ErrorView {...props} />
      </NextIntlClientProvider>
    );
  };
}
