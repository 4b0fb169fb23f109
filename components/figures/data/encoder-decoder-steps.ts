/**
 * The walk-through of components/figures/encoder-decoder-flow.tsx as data: the boxes it
 * draws, which of them each step highlights, and what the decoder has read and written so
 * far ("I like tea" -> "J'aime le thé"). Each step's explanation is `steps.<index>` in
 * components/figures/text/<locale>.json (a test checks that both have as many steps).
 */

export type BoxId =
  | "enc-input"
  | "enc-embed"
  | "enc-attn"
  | "enc-ffn"
  | "enc-stack"
  | "enc-out"
  | "dec-input"
  | "dec-embed"
  | "dec-masked"
  | "dec-cross"
  | "dec-ffn"
  | "dec-stack"
  | "dec-linear"
  | "dec-softmax"
  | "dec-next";

export interface FlowStep {
  highlight: BoxId[];
  /** Tokens the decoder reads at this step (after <start>). */
  decoderInput: string[];
  /** Tokens generated so far, including the one chosen at this step. */
  output: string[];
}

export const sourceTokens = ["I", "like", "tea"];
export const START = "<start>";
export const END = "<end>";
const translation = ["J'", "aime", "le", "thé"];
const wholeDecoder: BoxId[] = ["dec-input", "dec-embed", "dec-masked", "dec-cross", "dec-ffn", "dec-stack", "dec-linear", "dec-softmax", "dec-next"];

/** A step before any token is produced: only the boxes it highlights change. */
const beforeOutput = (...highlight: BoxId[]): FlowStep => ({ highlight, decoderInput: [], output: [] });
/** A full decoder pass after `n` tokens: it reads them and produces token n + 1. */
const decoderPass = (n: number): FlowStep => ({ highlight: [...wholeDecoder, "enc-out"], decoderInput: translation.slice(0, n), output: translation.slice(0, n + 1) });

export const flowSteps: FlowStep[] = [
  // The encoder runs once over the source sentence.
  beforeOutput("enc-input"),
  beforeOutput("enc-embed"),
  beforeOutput("enc-attn"),
  beforeOutput("enc-ffn"),
  beforeOutput("enc-attn", "enc-ffn", "enc-stack"),
  beforeOutput("enc-out"),
  // The decoder's first pass, box by box, producing "J'".
  beforeOutput("dec-input"),
  beforeOutput("dec-embed"),
  beforeOutput("dec-masked"),
  beforeOutput("dec-cross", "enc-out"),
  beforeOutput("dec-ffn", "dec-stack"),
  beforeOutput("dec-linear"),
  { highlight: ["dec-softmax", "dec-next"], decoderInput: [], output: translation.slice(0, 1) },
  // One whole pass per further token, then <end>.
  decoderPass(1),
  decoderPass(2),
  decoderPass(3),
  { highlight: ["dec-softmax", "dec-next"], decoderInput: translation, output: [...translation, END] },
];

/** The arrows inside each column, from box to box. */
export const columnArrows: [BoxId, BoxId][] = [
  ["enc-input", "enc-embed"],
  ["enc-embed", "enc-attn"],
  ["enc-attn", "enc-ffn"],
  ["enc-ffn", "enc-out"],
  ["dec-input", "dec-embed"],
  ["dec-embed", "dec-masked"],
  ["dec-masked", "dec-cross"],
  ["dec-cross", "dec-ffn"],
  ["dec-ffn", "dec-linear"],
  ["dec-linear", "dec-softmax"],
  ["dec-softmax", "dec-next"],
];

/** Joins output tokens as French is written: no space after an elided "J'", no <end>. */
export function joinOutput(tokens: readonly string[]): string {
  let text = "";
  for (const token of tokens) {
    if (token === END) break;
    text += text === "" || text.endsWith("'") ? token : ` ${token}`;
  }
  return text;
}
