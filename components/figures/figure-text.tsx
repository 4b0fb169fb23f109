"use client";
/**
 * The words of the figures in the reader's language. `FigureTextProvider` holds the "figures"
 * message namespace for the current locale (components/figures/text/zh.json, one object per figure);
 * without a provider, or for a string a locale lacks, figures speak English. Framework-free on
 * purpose: the locale routing wires it to next-intl in one line, e.g.
 * `<FigureTextProvider locale={useLocale()} messages={useMessages().figures}>`.
 */
import { createContext, useContext, type ReactNode } from "react";

/** A namespace of messages: strings, or nested objects of them. */
export interface FigureMessageTree {
  [key: string]: string | FigureMessageTree;
}

export interface FigureTextValue {
  locale: string;
  messages?: FigureMessageTree;
}

export const FigureTextContext = createContext<FigureTextValue>({ locale: "en" });

export function FigureTextProvider({ locale, messages, children }: FigureTextValue & { children: ReactNode }) {
  return <FigureTextContext.Provider value={{ locale, messages }}>{children}</FigureTextContext.Provider>;
}

/**
 * A string from the provider's messages only (no English fallback). For the figure frame (title,
 * loading, crash message), which is on every lesson's first load: importing the English
 * text there would put figures' words on that load; the frame passes its own English.
 */
export function useProvidedText(path: string): string | undefined {
  let node: FigureMessageTree | string | undefined = useContext(FigureTextContext).messages;
  for (const part of path.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

/** The frame's English words (equal to components/figures/text/en/ui.json, which a test checks). */
export const frameEnglish = {
  loading: "Loading figure…",
  crashed: "This figure could not be displayed",
  unexpected: "An unexpected error occurred.",
  whatItShows: "What it shows: {alt}",
} as const;

/** The current locale, like next-intl's `useLocale()`: "en" unless a provider says otherwise. */
export function useFigureLocale(): string {
  return useContext(FigureTextContext).locale;
}
