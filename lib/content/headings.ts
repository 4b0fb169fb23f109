/** Heading anchors: one rule shared by the renderer, the table of contents and the content check. */

/** "Why divide by √d_k?" -> "why-divide-by-d_k" (lower case, punctuation dropped, spaces to dashes). */
export function slugifyHeading(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/\s+/g, "-");
}

export interface Heading {
  depth: 2 | 3;
  text: string;
  id: string;
}

/** Gives each heading a unique id ("a", "a-1", ...) in document order. */
export function uniqueIds(headings: Omit<Heading, "id">[]): Heading[] {
  const seen = new Map<string, number>();
  return headings.map((h) => {
    const base = slugifyHeading(h.text) || "section";
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { ...h, id: n === 0 ? base : `${base}-${n}` };
  });
}
