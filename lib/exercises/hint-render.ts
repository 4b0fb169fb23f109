/** A hint rendered for the page (Markdown + KaTeX to a hast tree), for the hint endpoint. Server-only. */
import type { Locale } from "../i18n/locales";
import { readHint } from "./content";

export async function renderHint(id: string, number: number, locale?: Locale): Promise<unknown> {
  // Loaded on first use: the Markdown pipeline is ESM-only, and importing the route (as the
  // write-guard test does for every route) should not need it.
  const { renderMarkdownTree } = await import("./markdown");
  return renderMarkdownTree(await readHint(id, number, locale));
}
