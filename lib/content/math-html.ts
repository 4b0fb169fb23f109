/**
 * rehype plugin: typesets the lessons' math with KaTeX into one HTML string per formula, placed
 * with `dangerouslySetInnerHTML` on a single element, instead of a tree of elements.
 *
 * Why (docs/decisions/037-lesson-page-speed.md): KaTeX writes ~35 elements per formula (its
 * visual HTML plus the MathML that screen readers read). As MDX elements, every one of them was
 * serialised into the page's React payload and became a React fiber to hydrate: on the
 * self-attention lesson, 3,500 of the page's 4,400 elements. As a string, React places each
 * formula as one element and never walks inside it. The markup is KaTeX's own output from our
 * own content, typeset at build time: no learner input reaches it.
 *
 * Output: MathML only, which browsers draw themselves (MathML Core) and screen readers read.
 * KaTeX's visual HTML copy was ~2/3 of a formula's elements (92 of 137 for the attention formula)
 * and most of a long lesson's 4,400 DOM elements, all styled and laid out by the browser; it also
 * doubled the page's bytes, since every formula is in the HTML and again in React's payload.
 * Exercise briefs and hints get the same MathML output (lib/exercises/markdown.tsx); no page loads KaTeX's stylesheet or fonts.
 */
import katex from "katex";
import type { Element, ElementContent, Parents, Root, RootContent } from "hast";
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from "mdast-util-mdx-jsx";
import type { Program } from "estree";

/** The options every lesson formula is typeset with: MathML, drawn by the browser (see above). */
const KATEX_OPTIONS = { output: "mathml", strict: "ignore", throwOnError: true } as const;

export type MathElement = (MdxJsxTextElementHast | MdxJsxFlowElementHast) & { data: { math: { display: boolean; tex: string } } };

/** `{ __html: html }` as the estree MDX compiles an attribute expression from. */
function innerHtmlProgram(html: string): Program {
  return {
    type: "Program",
    sourceType: "module",
    body: [
      {
        type: "ExpressionStatement",
        expression: {
          type: "ObjectExpression",
          properties: [
            {
              type: "Property",
              kind: "init",
              method: false,
              shorthand: false,
              computed: false,
              key: { type: "Identifier", name: "__html" },
              value: { type: "Literal", value: html },
            },
          ],
        },
      },
    ],
  };
}

/**
 * KaTeX's MathML output is `<span class="katex"><math>…</math></span>`, for display math too
 * (`<math display="block">`). An inline formula's outer span becomes the element itself; a
 * display formula gets a `katex-display` element around it, as KaTeX's HTML output has, which the
 * stylesheet centres and lets scroll sideways.
 */
function innerOfKatexSpan(html: string): string | null {
  const open = '<span class="katex">';
  return html.startsWith(open) && html.endsWith("</span>") ? html.slice(open.length, -"</span>".length) : null;
}

export function typesetMath(tex: string, display: boolean): MathElement {
  const html = katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: display });
  const inner = display ? html : innerOfKatexSpan(html);
  return {
    type: display ? "mdxJsxFlowElement" : "mdxJsxTextElement",
    name: "span",
    attributes: [
      { type: "mdxJsxAttribute", name: "className", value: display ? "katex-display" : inner === null ? "katex-host" : "katex" },
      {
        type: "mdxJsxAttribute",
        name: "dangerouslySetInnerHTML",
        value: { type: "mdxJsxAttributeValueExpression", value: "", data: { estree: innerHtmlProgram(inner ?? html) } },
      },
    ],
    children: [],
    data: { math: { display, tex } },
  } as MathElement;
}

export function isMathElement(node: unknown): node is MathElement {
  return typeof node === "object" && node !== null && "data" in node && Boolean((node as { data?: { math?: unknown } }).data?.math);
}

const classesOf = (element: Element) => (Array.isArray(element.properties.className) ? element.properties.className : []);

/**
 * Replaces remark-math's `code.math-inline` and `pre > code.math-display` with typeset formulas.
 * A formula KaTeX cannot parse fails the lesson's compilation (and so the build and the content
 * check), naming the formula, rather than shipping red error text.
 */
const textOf = (node: ElementContent): string => (node.type === "text" ? node.value : node.type === "element" ? node.children.map(textOf).join("") : "");

/** remark-math's output: display math as <pre><code class="math-display">, inline as <code class="math-inline">. */
function mathIn(node: ElementContent | RootContent): { tex: string; display: boolean } | null {
  const code = node.type === "element" && node.tagName === "pre" && node.children.length === 1 ? node.children[0] : node;
  if (code.type !== "element" || code.tagName !== "code") return null;
  const classes = classesOf(code);
  const display = classes.includes("math-display");
  return display || classes.includes("math-inline") ? { tex: textOf(code), display } : null;
}

/**
 * Replaces remark-math's formulas with typeset ones. A formula KaTeX cannot parse fails the
 * lesson's compilation (and so the build and the content check), naming the formula, rather than
 * shipping red error text.
 */
export function rehypeMathHtml() {
  const walk = (parent: Parents) => {
    parent.children.forEach((child, index) => {
      const math = mathIn(child);
      // Into elements and MDX components alike (a <Callout> or <Builder> holds math too).
      if (!math) return "children" in child ? walk(child as Parents) : undefined;
      try {
        parent.children[index] = typesetMath(math.tex, math.display) as unknown as ElementContent;
      } catch (error) {
        const fence = math.display ? "$$" : "$";
        throw new Error(`KaTeX could not typeset ${fence}${math.tex}${fence}: ${(error as Error).message}`);
      }
    });
  };
  return (tree: Root) => walk(tree);
}
