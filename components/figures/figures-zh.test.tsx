/**
 * The figures in Chinese: each one rendered inside a zh FigureTextProvider shows Chinese text and
 * leaves no English label, aria-label or text alternative behind; only words that are English by
 * nature stay (product and model names, code, the example tokens a figure is about).
 */
import { describe, expect, it } from "@jest/globals";
import { flowSteps } from "./data/encoder-decoder-steps";
import { Figure } from "./figure";
import { frameEnglish, FigureTextProvider, type FigureMessageTree } from "./figure-text";
import { renderFully, textOf } from "./test-render";
import { figureNames, figureTitles, type FigureName } from "@/lib/content/figures";
import { english } from "@/components/figures/text/en";
import chinese from "@/components/figures/text/zh.json";

const HAN = /[\u4e00-\u9fff]/;

/** English by nature, in every figure: names of products, models, architectures and notation. */
const ALWAYS = ["AI", "AIGC", "LLM", "LLMs", "GPT", "ChatGPT", "Transformer", "softmax", "tanh", "sin", "cos", "d_model", "top", "Top", "TensorFlow", "js", "Tab", "GPU", "GPUs", "InstructGPT", "KL", "API", "PPO", "RLHF", "SFT", "PE", "Shift"];
/** Per figure: the example words and tokens the figure is about, which stay as they are. */
const EXAMPLES: Record<FigureName, string[]> = {
  "ai-relationship": [],
  "building-analogy": ["Vaswani", "OpenAI"],
  "llm-pipeline": [],
  // The words whose vectors are drawn (content/figures/word-vectors.json).
  "vector-space": ["king", "queen", "man", "woman", "cat", "dog", "apple", "banana"],
  // The tokens of the example sentence (content/figures/attention.json).
  "attention-heatmap": ["The", "animal", "didn't", "cross", "the", "street", "because", "it", "was", "too", "tired"],
  "positional-encoding-heatmap": [],
  // The prompt and its candidate next tokens are the example the figure is about.
  "softmax-temperature": ["The", "cat", "sat", "on", "the", "mat", "floor", "sofa", "bed", "roof", "keyboard"],
  // The sentence it translates ("I like tea" -> "J'aime le thé") and the <start> symbol.
  "encoder-decoder-flow": ["like", "tea", "start"],
  "training-stages": [],
  // The sample sentence mixes English and Chinese on purpose; cl100k_base is a vocabulary's name.
  tokenizer: ["The", "cat", "sat", "on", "the", "mat", "cl", "k_base"],
  "gradient-descent": [],
};

/** Visible text plus the words only assistive technology reads (aria-label, title, alt). */
function everythingSaid(html: string): string {
  const attributes = [...html.matchAll(/\s(?:aria-label|title|alt|aria-valuetext)="([^"]*)"/g)].map((m) => m[1]);
  return [textOf(html), ...attributes].join(" ");
}

/** Words of two letters or more: single letters are math variables (x, w, b, T, k, p). */
function englishWords(text: string, allowed: Set<string>): string[] {
  return [...new Set(text.match(/[A-Za-z][A-Za-z_']+/g) ?? [])].filter((word) => !allowed.has(word));
}

/** The same keys, nested the same way, in both languages. */
function shape(tree: FigureMessageTree): unknown {
  return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, typeof v === "string" ? "" : shape(v)]));
}

describe("figure messages", () => {
  it("has one object per figure, with the same keys in Chinese as in English", () => {
    // One object per figure, plus "ui" for the controls they share (Previous / Next, loading, errors).
    expect(Object.keys(english).sort()).toEqual([...figureNames, "ui"].sort());
    expect(shape(chinese as unknown as FigureMessageTree)).toEqual(shape(english as unknown as FigureMessageTree));
  });

  it("explains every step of the encoder-decoder walk-through", () => {
    expect(english["encoder-decoder-flow"].steps).toHaveLength(flowSteps.length);
  });

  it("keeps the frame's built-in English equal to the English messages", () => {
    for (const [key, text] of Object.entries(frameEnglish)) expect({ key, text }).toEqual({ key, text: english.ui[key as keyof typeof english.ui] });
  });

  it("keeps the English titles in step with the content registry", () => {
    for (const name of figureNames) expect(english[name].title).toBe(figureTitles[name]);
  });
});

describe.each(figureNames.map((n) => [n]))("%s in Chinese", (name) => {
  it("shows Chinese text and no English-only label", async () => {
    const html = await renderFully(
      <FigureTextProvider locale="zh" messages={chinese as unknown as FigureMessageTree}>
        <Figure name={name} alt="图的文字说明" />
      </FigureTextProvider>,
    );
    const said = everythingSaid(html);
    expect(said).toMatch(HAN);
    expect(textOf(html)).toContain(chinese[name].title);
    expect(englishWords(said, new Set([...ALWAYS, ...EXAMPLES[name]]))).toEqual([]);
  });
});
