/**
 * Renders client components with the real interface messages of a locale (messages/<locale>/*.json),
 * as the page's <ClientMessages> would give them.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";

export function messagesOf(locale: string): Record<string, unknown> {
  const dir = path.join(process.cwd(), "messages", locale);
  return Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => [f.slice(0, -5), JSON.parse(readFileSync(path.join(dir, f), "utf8"))]));
}

export function WithMessages({ locale = "en", children }: { locale?: string; children: ReactNode }) {
  return (
    <NextIntlClientProvider locale={locale} messages={messagesOf(locale)} timeZone="UTC">
      {children}
    </NextIntlClientProvider>
  );
}
