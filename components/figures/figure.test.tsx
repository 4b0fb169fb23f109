import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Figure } from "./figure";
import { figureLoaders } from "./loaders";
import { figureNames, figureTitles, isFigureName, type FigureName } from "@/lib/content/figures";
import { renderFully, textOf } from "./test-render";

/** Every figure name a lesson places (<Figure name="...">), English and Chinese. */
function placedFigureNames(dir = join(process.cwd(), "content")): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".mdx"))
    .flatMap((file) => [...readFileSync(join(dir, file), "utf8").matchAll(/<Figure name="([^"]+)"/g)].map((m) => m[1]));
}

describe("registry", () => {
  it("lists eleven distinct figures, among them every one a lesson places", () => {
    expect(new Set(figureNames).size).toBe(11);
    const placed = placedFigureNames();
    expect(placed.length).toBeGreaterThan(0);
    expect(figureNames).toEqual(expect.arrayContaining(placed));
  });

  it("has a title and a lazy loader for every figure, and nothing else", () => {
    expect(Object.keys(figureTitles).sort()).toEqual([...figureNames].sort());
    expect(Object.keys(figureLoaders).sort()).toEqual([...figureNames].sort());
  });

  it("recognises figure names", () => {
    expect(isFigureName("attention-heatmap")).toBe(true);
    expect(isFigureName("attention")).toBe(false);
    expect(isFigureName("")).toBe(false);
  });

});

/** A phrase each figure shows on first render, proving the real figure (not a placeholder) loaded. */
const firstRenderText: Record<FigureName, string> = {
  "ai-relationship": "The science and engineering of building systems",
  "building-analogy": "Transformer = the frame",
  "llm-pipeline": "Stage 1 of 4: Data preparation",
  "vector-space": "“king” and “queen” point in almost the same direction",
  "attention-heatmap": "Loading TensorFlow.js and computing the attention weights",
  "positional-encoding-heatmap": "d_model = 64",
  "softmax-temperature": "At T = 1.0 the top token “mat” gets",
  "encoder-decoder-flow": "Step 1 of 17.",
  "training-stages": "What is the capital of England?",
  tokenizer: "Loading the vocabulary…",
  "gradient-descent": "Pick a learning rate and train",
};

describe("<Figure>", () => {
  it.each(figureNames.map((n) => [n]))("renders %s inside a captioned <figure> described by its alt text", async (name) => {
    const html = await renderFully(<Figure name={name} alt={`Alt text for ${name}.`} caption={`Caption for ${name}`} />);
    expect(html).toMatch(/^<figure[^>]*data-figure="[^"]+"/);
    expect(html).toContain(`data-figure="${name}"`);
    // the alt text sits in a visually hidden paragraph that the <figure> points at
    const describedBy = /<figure[^>]*aria-describedby="([^"]+)"/.exec(html)?.[1];
    expect(describedBy).toBeTruthy();
    expect(html).toContain(`<p id="${describedBy}" class="sr-only">Alt text for ${name}.</p>`);
    expect(html).toMatch(new RegExp(`<figcaption[^>]*>Caption for ${name}</figcaption>`));
    expect(textOf(html)).toContain(firstRenderText[name]);
    expect(html).not.toContain("Loading figure…");
  });

  it("falls back to the figure's title when the lesson gives no caption", async () => {
    const html = await renderFully(<Figure name="training-stages" alt="Three boxes." />);
    expect(html).toMatch(new RegExp(`<figcaption[^>]*>${figureTitles["training-stages"]}</figcaption>`));
  });

  it("shows a clear error box, not a crash, for an unknown name", async () => {
    const html = await renderFully(<Figure name={"attention-map" as FigureName} alt="x" />);
    expect(html).toContain('data-testid="figure-error"');
    expect(textOf(html)).toContain("Unknown figure This lesson asks for a figure called “attention-map”, which does not exist.");
    expect(textOf(html)).toContain("Known figures: ai-relationship, building-analogy");
    expect(html).not.toContain("<figure");
  });
});

describe("bundle hygiene", () => {
  const files = [
    ...figureNames.map((n) => `${n}.tsx`),
    "figure.tsx",
    "loaders.tsx",
    "ui.tsx",
    "math/attention.ts",
  ];


  it("no figure uses a chart library or fetches anything", () => {
    for (const file of files) {
      const source = readFileSync(join(__dirname, file), "utf8");
      const packages = [...source.matchAll(/from\s+"([^"./@][^"]*|@[^"/]+\/[^"]+)"/g)].map((m) => m[1]);
      expect(packages.filter((p) => !["react", "@tensorflow/tfjs", "react-dom"].includes(p))).toEqual([]);
      expect(source).not.toMatch(/\bfetch\(|XMLHttpRequest|https?:\/\//);
    }
  });
});
