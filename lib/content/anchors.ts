/**
 * Heading anchors across languages. A translated lesson keeps the English heading sequence (the
 * translation check enforces it), so heading i of the Chinese page takes the id of English
 * heading i: quiz `section` links and in-lesson links written with English anchors land on the
 * same heading in either language. Framework-free.
 */
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkMdx from "remark-mdx";
import remarkMath from "remark-math";
import remarkGfm from "remark-gfm";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import type { Root } from "mdast";
import { uniqueIds, type Heading } from "./headings";

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath);

/** The anchors of a lesson body's h2/h3 headings, in order (the rule the page renders with). */
export function headingAnchors(mdxBody: string): string[] {
  const tree = parser.parse(mdxBody) as Root;
  const headings: Omit<Heading, "id">[] = [];
  visit(tree, "heading", (node) => {
    if (node.depth === 2 || node.depth === 3) headings.push({ depth: node.depth, text: toString(node).trim() });
  });
  return uniqueIds(headings).map((h) => h.id);
}

/**
 * The translated headings with the source's anchors: position i gets sourceIds[i]. When the
 * counts differ (a stale translation mid-update) the translation keeps its own ids rather than
 * pointing anchors at the wrong headings.
 */
export function mapAnchors<T extends { id: string }>(translated: T[], sourceIds: readonly string[]): T[] {
  if (translated.length !== sourceIds.length) return translated;
  return translated.map((heading, i) => ({ ...heading, id: sourceIds[i] }));
}
