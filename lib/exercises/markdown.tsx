/**
 * Renders an exercise's brief and hints (our own Markdown, from the repository) to React
 * elements on the server: GitHub-flavoured Markdown with $inline$ and $$display$$ math typeset
 * by KaTeX, the same math pipeline as the lessons. Plain Markdown, not MDX, so braces and angle
 * brackets in prose need no escaping. No HTML string is ever built or injected.
 */
import type { ReactElement } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkRehype from "remark-rehype";
import rehypeKatex from "rehype-katex";
import { toJsxRuntime, type Components } from "hast-util-to-jsx-runtime";

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkMath)
  .use(remarkRehype)
  // A malformed formula fails the build (and the content tests) instead of shipping red text.
  .use(rehypeKatex, { throwOnError: true, strict: "ignore" });

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
