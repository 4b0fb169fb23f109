import { describe, expect, it } from "@jest/globals";
import type { Element, Root, RootContent } from "hast";
import { isMathElement, rehypeMathHtml, typesetMath } from "./math-html";
import { rehypeProseRuns } from "./prose-runs";

const text = (value: string) => ({ type: "text" as const, value });
const el = (tagName: string, children: Element["children"], className?: string[]): Element => ({
  type: "element",
  tagName,
  properties: className ? { className } : {},
  children,
});
// What remark-math hands to rehype: inline math in <code>, display math in <pre><code>.
const inlineMath = (tex: string) => el("code", [text(tex)], ["language-math", "math-inline"]);
const displayMath = (tex: string) => el("pre", [el("code", [text(tex)], ["language-math", "math-display"])]);
const innerHtml = (node: unknown) =>
  ((node as { attributes: { name: string; value: { data: { estree: { body: [{ expression: { properties: [{ value: { value: string } }] } }] } } } }[] }).attributes.find(
    (a) => a.name === "dangerouslySetInnerHTML",
  )!.value.data.estree.body[0].expression.properties[0].value.value);
const classNameOf = (node: unknown) => (node as { attributes: { name: string; value: unknown }[] }).attributes.find((a) => a.name === "className")!.value;

describe("lesson math as one HTML string per formula", () => {
  it("typesets inline and display math with KaTeX as MathML only (what browsers draw and screen readers read)", () => {
    const tree: Root = { type: "root", children: [el("p", [text("Scores "), inlineMath("s_{ij}"), text(".")]), displayMath("\\frac{QK^\\top}{\\sqrt{d_k}}")] };
    rehypeMathHtml()(tree);
    const inline = (tree.children[0] as Element).children[1];
    const display = tree.children[1];
    expect(isMathElement(inline)).toBe(true);
    expect(classNameOf(inline)).toBe("katex");
    expect(innerHtml(inline)).toContain("<math");
    expect(innerHtml(inline)).not.toContain("katex-html"); // no visual HTML copy
    expect(innerHtml(inline)).toContain('<annotation encoding="application/x-tex">s_{ij}</annotation>');
    expect(classNameOf(display)).toBe("katex-display");
    expect(innerHtml(display)).toMatch(/^<span class="katex"><math [^>]*display="block"/);
    expect((display as { type: string }).type).toBe("mdxJsxFlowElement");
  });

  it("typesets math inside MDX components too", () => {
    const callout = { type: "mdxJsxFlowElement", name: "Callout", attributes: [], children: [el("p", [inlineMath("d_k")])] };
    const tree = { type: "root", children: [callout] } as unknown as Root;
    rehypeMathHtml()(tree);
    expect(isMathElement((callout.children[0] as Element).children[0])).toBe(true);
  });

  it("fails on a formula KaTeX cannot parse, naming it", () => {
    const tree: Root = { type: "root", children: [el("p", [inlineMath("\\frac{1}{")])] };
    expect(() => rehypeMathHtml()(tree)).toThrow("KaTeX could not typeset $\\frac{1}{$");
  });
});

describe("prose runs", () => {
  const tagsOf = (children: RootContent[]) => children.filter((n) => n.type !== "text").map((n) => (n.type === "element" ? `${n.tagName}${n.properties.className ? "." + String(n.properties.className) : ""}` : n.type));
  const figure = { type: "mdxJsxFlowElement", name: "Figure", attributes: [], children: [] } as unknown as RootContent;

  it("groups plain blocks between headings and components; headings and components stay outside", () => {
    const term = { type: "mdxJsxTextElement", name: "Term", attributes: [], children: [text("softmax")] } as unknown as Element["children"][number];
    const tree: Root = {
      type: "root",
      children: [
        el("p", [text("Intro.")]),
        text("\n"),
        el("h2", [text("Softmax")]),
        el("p", [text("One.")]),
        text("\n"),
        typesetMath("x^2", true) as unknown as RootContent,
        el("ul", [el("li", [text("a")])]),
        figure,
        el("p", [text("The "), term, text(" function.")]),
        el("p", [text("After the term.")]),
      ],
    };
    rehypeProseRuns()(tree);
    expect(tagsOf(tree.children)).toEqual(["div.lesson-run", "h2", "div.lesson-run", "mdxJsxFlowElement", "p", "div.lesson-run"]);
    const second = tree.children[3] as Element;
    expect(tagsOf(second.children as RootContent[])).toEqual(["p", "mdxJsxFlowElement", "ul"]);
  });

  it("estimates a run's height in lines, wide (Chinese) characters counting double", () => {
    const line = "x".repeat(80);
    const tree: Root = { type: "root", children: [el("p", [text(line.repeat(4))]), el("h2", [text("h")]), el("p", [text("注".repeat(160))])] };
    rehypeProseRuns()(tree);
    expect((tree.children[0] as Element).properties.style).toBe("--run-lines:5"); // 4 lines + the gap after a paragraph, rounded
    expect((tree.children[2] as Element).properties.style).toBe("--run-lines:5");
  });
});
