/**
 * rehype plugin: groups the lesson's consecutive plain blocks (paragraphs, lists, tables, code,
 * display math) between its headings and widgets into `<div class="lesson-run">`, which the
 * stylesheet gives `content-visibility: auto`: the browser skips style, layout and paint of a
 * run until the reader scrolls near it (docs/decisions/037-lesson-page-speed.md).
 *
 * What stays outside a run, and why:
 * - h2/h3 headings: the reading tracker measures them (getBoundingClientRect) as the page loads,
 *   which inside a skipped run would force the run's layout; outside, #section links land on them
 *   exactly;
 * - anything holding an MDX component (figures, exercises, quizzes, callouts, glossary terms):
 *   figures and cards load when near the viewport (IntersectionObserver, which does not see into
 *   skipped content), and a term's tooltip draws outside its paragraph (a run clips its paint).
 *
 * Each run carries an estimate of its height (`--run-lines`, in lines of text), so the page's
 * length and the scroll bar are about right before a run is first drawn; once drawn, the browser
 * remembers the real height (`contain-intrinsic-size: auto`).
 */
import type { Element, ElementContent, Root, RootContent } from "hast";
import { isMathElement } from "./math-html";

/** Characters of Latin text per line in the lesson column (max-w-3xl at 16px), for the estimate. */
const CHARS_PER_LINE = 80;

const isHeading = (node: RootContent) => node.type === "element" && /^h[1-6]$/.test(node.tagName);
const isBlank = (node: RootContent) => node.type === "text" && node.value.trim() === "";

/** True when nothing in the block is an MDX component or expression (typeset math is allowed). */
function isPlain(node: RootContent | ElementContent): boolean {
  if (isMathElement(node)) return true;
  if (node.type === "text" || node.type === "comment") return true;
  if (node.type !== "element") return false;
  return node.children.every(isPlain);
}

/** Lines of text the block takes, roughly: wide characters (CJK) count double. */
function estimateLines(node: RootContent | ElementContent): number {
  if (isMathElement(node)) return node.data.math.display ? 3 : node.data.math.tex.length / 2 / CHARS_PER_LINE;
  if (node.type === "text") {
    const wide = node.value.match(/[\u2E80-\uFFEF]/g)?.length ?? 0;
    return (node.value.length + wide) / CHARS_PER_LINE;
  }
  if (node.type !== "element") return 0;
  if (node.tagName === "pre") return 2 + (toPlainText(node).match(/\n/g)?.length ?? 0);
  const inner = node.children.reduce((sum, child) => sum + estimateLines(child), 0);
  // Block elements start on a new line and are separated by a gap of about half a line.
  const block = ["p", "li", "tr", "blockquote", "ul", "ol", "table", "hr"].includes(node.tagName);
  return block ? Math.max(1, Math.ceil(inner)) + 0.5 : inner;
}

function toPlainText(node: ElementContent): string {
  if (node.type === "text") return node.value;
  return node.type === "element" ? node.children.map(toPlainText).join("") : "";
}

function run(children: RootContent[]): Element {
  const lines = Math.max(1, Math.round(children.reduce((sum, child) => sum + estimateLines(child), 0)));
  return {
    type: "element",
    tagName: "div",
    properties: { className: ["lesson-run"], style: `--run-lines:${lines}` },
    children: children as ElementContent[],
  };
}

export function rehypeProseRuns() {
  return (tree: Root) => {
    const out: RootContent[] = [];
    let pending: RootContent[] = [];
    const flush = () => {
      // Blank text between blocks is kept with the run; a run of blanks alone is not a run.
      const start = pending.findIndex((n) => !isBlank(n));
      if (start === -1) out.push(...pending);
      else {
        let end = pending.length;
        while (isBlank(pending[end - 1])) end--;
        out.push(...pending.slice(0, start), run(pending.slice(start, end)), ...pending.slice(end));
      }
      pending = [];
    };
    for (const node of tree.children) {
      if (isBlank(node) || (node.type === "element" && !isHeading(node) && isPlain(node)) || (isMathElement(node) && node.data.math.display)) {
        pending.push(node);
      } else {
        flush();
        out.push(node);
      }
    }
    flush();
    tree.children = out;
  };
}
