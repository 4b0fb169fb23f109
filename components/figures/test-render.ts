/** Test helper: renders a React tree to HTML on the server, waiting for lazy components. */
import type { ReactNode } from "react";
import { prerender } from "react-dom/static";

export async function renderFully(node: ReactNode): Promise<string> {
  const { prelude } = await prerender(node);
  return new Response(prelude).text();
}

/** Visible text of an HTML string (tags removed, entities decoded, whitespace collapsed). */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .replace(/\s+([.,;:!?”’)])/g, "$1")
    .replace(/([“‘(])\s+/g, "$1")
    .trim();
}
