/**
 * Renders an exercise's brief and hints (our own Markdown, from the repository) to React
 * elements on the server: GitHub-flavoured Markdown with $inline$ and $$display$$ math typeset
 * by KaTeX as MathML, which the browser draws, like the lessons' math (lib/content/math-html.ts).
 * Plain Markdown, not MDX, so braces and angle brackets in prose need no escaping. No HTML string
 * is ever built or injected.
 */
import type { ReactElement } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkRehype from "remark-rehype";
import rehypeKatex, { type Options as KatexOptions } from "rehype-katex";
import { toJsxRuntime, type Components } from "hast-util-to-jsx-runtime";
import { visit } from "unist-util-visit";
import type { Element, Root } from "hast";

// MathML only: no KaTeX stylesheet or fonts on any page (docs/decisions/043-first-paint-and-start-up.md).
const KATEX_OPTIONS: KatexOptions = { output: "mathml", strict: "ignore" };

/**
 * rehype-katex reports a formula it cannot parse as a file message and typesets it as red error
 * text (`.katex-error`, KaTeX's message in its title). Failing here instead fails the build and
 * the content tests, naming the formula, rather than shipping the red text.
 */
function rehypeFailOnMathError() {
  return (tree: Root) =>
    visit(tree, "element", (node: Element) => {
      const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
      if (!classes.includes("katex-error")) return;
      const tex = node.children.map((child) => (child.type === "text" ? child.value : "")).join("");
      throw new Error(`KaTeX could not typeset $${tex}$: ${String(node.properties.title ?? "")}`);
    });
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkMath)
  .use(remarkRehype)
  .use(rehypeKatex, KATEX_OPTIONS)
  .use(rehypeFailOnMathError);

/** `components` replaces elements by tag, e.g. `{ pre: CodeBlock }` (components/mdx/code-block.tsx). */
export async function renderMarkdown(markdown: string, components?: Components): Promise<ReactElement> {
  const tree = await processor.run(processor.parse(markdown));
  return toJsxRuntime(tree, { Fragment, jsx, jsxs, passKeys: true, components });
}

/** The same rendering as a hast tree (plain JSON, no positions), for content the browser fetches later (hints). */
export async function renderMarkdownTree(markdown: string): Promise<unknown> {
  const tree = await processor.run(processor.parse(markdown));
  return JSON.parse(JSON.stringify(tree, (key, value) => (key === "position" ? undefined : value)));
}
