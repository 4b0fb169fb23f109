/** The English anchors of a lesson body (remark; ESM, so kept apart from the pure mapping in anchors.ts). */
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
