/**
 * Turns the course's own lesson MDX into the plain text the capstone GPT trains on: prose only
 * (no frontmatter, code, maths, JSX or markdown syntax), ASCII only, one paragraph a line.
 * Used by scripts/capstone-corpus.ts, which writes content/capstone/corpus.json.
 */

/** Typographic characters the lessons use, spelled in ASCII so the vocabulary stays small. */
const ASCII_SPELLING: Record<string, string> = {
  "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2014": " - ", "\u2013": "-",
  "\u2026": "...", "\u00a0": " ", "\u00d7": "x", "\u2192": "->", "\u2248": "~", "\u00b7": ".",
};

function stripMarkdown(mdx: string): string {
  return (
    mdx
      .replace(/^---\n[\s\S]*?\n---\n/, "")
      .replace(/```[\s\S]*?```/g, "\n")
      .replace(/\$\$[\s\S]*?\$\$/g, "\n")
      .replace(/\$[^$\n]*\$/g, "")
      .replace(/^(import|export)\s.*$/gm, "")
      // JSX tags (self-closing or not): keep the text between them, drop the tags and attributes.
      .replace(/<\/?[A-Za-z][^<>]*>/g, " ")
      .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
      .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
      .replace(/^\s*\|?[-:| ]+\|[-:| ]*$/gm, "")
      .replace(/\|/g, " ")
      .replace(/^#{1,6}\s+/gm, "")
      .replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, "")
      .replace(/^>\s?/gm, "")
      .replace(/[*_`~]/g, "")
      .replace(/\{[^{}]*\}/g, "")
  );
}

function toAscii(text: string): string {
  let out = "";
  for (const ch of text) {
    if (ch in ASCII_SPELLING) out += ASCII_SPELLING[ch];
    else if (ch === "\n" || (ch >= " " && ch <= "~")) out += ch;
  }
  return out;
}

/** One lesson's prose: paragraphs joined onto single lines, blank lines removed. */
export function lessonProse(mdx: string): string {
  return toAscii(stripMarkdown(mdx))
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter((paragraph) => paragraph.length >= 40)
    .join("\n");
}
