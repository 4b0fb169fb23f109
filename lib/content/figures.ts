/**
 * The names of the interactive figures a lesson can place with `<Figure name="..." />`.
 *
 * This module is deliberately free of React and DOM imports: the content check
 * (Node, no bundler) imports `figureNames` to reject lessons that name a figure that
 * does not exist. The lazy loaders live in components/figures/loaders.ts.
 */

export const figureNames = [
  "ai-relationship",
  "building-analogy",
  "llm-pipeline",
  "vector-space",
  "attention-heatmap",
  "positional-encoding-heatmap",
  "softmax-temperature",
  "encoder-decoder-flow",
  "training-stages",
  "tokenizer",
  "gradient-descent",
] as const;

export type FigureName = (typeof figureNames)[number];

export function isFigureName(value: string): value is FigureName {
  return (figureNames as readonly string[]).includes(value);
}

/** A short title per figure (the English; every locale's titles live in components/figures/text/<locale>.json). */
export const figureTitles: Record<FigureName, string> = {
  "ai-relationship": "How AI, machine learning, deep learning, large models, LLMs and AIGC relate",
  "building-analogy": "The building analogy: Transformer, LLM, GPT, ChatGPT",
  "llm-pipeline": "How an LLM is built",
  "vector-space": "Word vectors and cosine similarity",
  "attention-heatmap": "Self-attention weights, head by head",
  "positional-encoding-heatmap": "Sinusoidal positional encoding",
  "softmax-temperature": "Softmax with temperature: the next-token distribution",
  "encoder-decoder-flow": "Data flow through an encoder-decoder Transformer",
  "training-stages": "The three training stages of a chat model",
  tokenizer: "A live GPT tokenizer",
  "gradient-descent": "Gradient descent with a learning-rate slider",
};
