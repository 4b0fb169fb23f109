/**
 * Compiles one lesson's MDX to a function body (mdx-bundler) plus its table of contents.
 * Costs ~0.8 s a lesson, so results are cached on disk by content hash (across builds) and in
 * memory (within a process). Runs on the server / at build time only.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { bundleMDX } from "mdx-bundler";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import { toText } from "hast-util-to-text";
import { visit } from "unist-util-visit";
import type { Element, Root } from "hast";
import { uniqueIds, type Heading } from "./headings";
import { mapAnchors } from "./anchors";
import { rehypeMathHtml } from "./math-html";
import { rehypeProseRuns } from "./prose-runs";

export interface CompiledLesson {
  code: string;
  headings: Heading[];
}

// Bump when the pipeline below changes, so stale cached output is not reused.
const PIPELINE_VERSION = "4";
const CACHE_DIR = path.join(process.cwd(), ".next", "cache", "lesson-mdx");
const memory = new Map<string, Promise<CompiledLesson>>();

/**
 * rehype plugin: gives h2/h3 ids and records them for the table of contents. `anchorIds` (a
 * translation's English anchors, lib/content/anchors.ts) replace the ids taken from the text.
 */
function rehypeHeadings(out: Heading[], anchorIds?: readonly string[]) {
  return () => (tree: Root) => {
    const found: { node: Element; depth: 2 | 3; text: string }[] = [];
    visit(tree, "element", (node: Element) => {
      if (node.tagName === "h2" || node.tagName === "h3") {
        found.push({ node, depth: node.tagName === "h2" ? 2 : 3, text: toText(node).trim() });
      }
    });
    const own = uniqueIds(found.map(({ depth, text }) => ({ depth, text })));
    const withIds = anchorIds ? mapAnchors(own, anchorIds) : own;
    withIds.forEach((heading, i) => {
      found[i].node.properties = { ...found[i].node.properties, id: heading.id };
      out.push(heading);
    });
  };
}

async function compileUncached(source: string, anchorIds?: readonly string[]): Promise<CompiledLesson> {
  const headings: Heading[] = [];
  const { code } = await bundleMDX({
    source,
    mdxOptions(options) {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm, remarkMath];
      // Math as one HTML string per formula, then plain blocks grouped into runs the browser may
      // skip drawing until near (both: docs/decisions/037-lesson-page-speed.md).
      options.rehypePlugins = [...(options.rehypePlugins ?? []), rehypeMathHtml, rehypeHeadings(headings, anchorIds), rehypeProseRuns];
      return options;
    },
  });
  return { code, headings };
}

export function compileLesson(source: string, anchorIds?: readonly string[]): Promise<CompiledLesson> {
  const key = createHash("sha256").update(PIPELINE_VERSION).update(source).update(JSON.stringify(anchorIds ?? null)).digest("hex");
  let pending = memory.get(key);
  if (!pending) {
    pending = (async () => {
      const file = path.join(CACHE_DIR, `${key}.json`);
      try {
        return JSON.parse(await readFile(file, "utf8")) as CompiledLesson;
      } catch {
        const compiled = await compileUncached(source, anchorIds);
        await mkdir(CACHE_DIR, { recursive: true }).catch(() => undefined);
        await writeFile(file, JSON.stringify(compiled)).catch(() => undefined);
        return compiled;
      }
    })();
    pending.catch(() => memory.delete(key));
    memory.set(key, pending);
  }
  return pending;
}
