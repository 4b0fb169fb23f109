/**
 * What each figure shows, checked on its server-rendered HTML (Jest runs in Node without
 * a DOM, so states are reached through the figures' `initial*` props or, for the
 * attention figure, its pure view).
 */
import { describe, expect, it } from "@jest/globals";
import * as tf from "@tensorflow/tfjs";
import { renderToStaticMarkup } from "react-dom/server";
import AiRelationship, { regions } from "./ai-relationship";
import AttentionHeatmap, { AttentionView, attentionData } from "./attention-heatmap";
import BuildingAnalogy, { analogySteps } from "./building-analogy";
import EncoderDecoderFlow from "./encoder-decoder-flow";
import { flowSteps, joinOutput } from "./data/encoder-decoder-steps";
import LlmPipeline, { pipelineStages } from "./llm-pipeline";
import { computeAttention } from "./math/attention";
import { positionalEncodingValue } from "./math/positional-encoding";
import { softmax } from "./math/softmax";
import PositionalEncodingHeatmap, { cellColor, describeCell } from "./positional-encoding-heatmap";
import GradientDescent, { describeRun, presets, STEPS } from "./gradient-descent";
import { lossCurve } from "./math/gradient-descent";
import { comparison, tokenPieces, utf8Length, visibleWhitespace, vocabularies } from "./tokenizer";
import SoftmaxTemperature, { candidates, describeFilters, describeTemperature, howOften } from "./softmax-temperature";
import { textOf } from "./test-render";
import TrainingStages, { trainingStages } from "./training-stages";
import { activateOnKey } from "./ui";
import VectorSpace, { describePair } from "./vector-space";

const render = (node: React.ReactElement) => renderToStaticMarkup(node);
const noop = () => {};

/** A stepper figure rendered at each step i: its text says every phrase in `says[i]`, and where it is (`position(i)`). */
function expectEachStep(renderAt: (step: number) => React.ReactElement, says: string[][], position: (step: number) => string) {
  says.forEach((phrases, i) => {
    const text = textOf(render(renderAt(i)));
    for (const phrase of [...phrases, position(i)]) expect(text).toContain(phrase);
  });
}

describe("ai-relationship", () => {
  it("draws the five nested sets and AIGC as focusable buttons, in reading order", () => {
    const html = render(<AiRelationship />);
    const buttons = [...html.matchAll(/<g role="button" tabindex="0" aria-label="([^"]+)" aria-pressed="(true|false)"/g)];
    // Each name holds the words drawn on the region (label in name): the innermost ring and the AIGC box draw other words than their label.
    expect(buttons.map((m) => m[1])).toEqual([
      ...regions.slice(0, 4).map((r) => r.label),
      "LLMs (e.g. GPT), Large language models (LLMs)",
      "AIGC: AI-generated content, text · images · audio · video",
    ]);
    expect(buttons.filter((m) => m[2] === "true").map((m) => m[1])).toEqual(["Artificial intelligence (AI)"]);
  });

  it("shows the selected region's definition", () => {
    const text = textOf(render(<AiRelationship initialRegion="aigc" />));
    expect(text).toContain("AIGC (AI-generated content) Content that AI produces after learning from large data: text, images, audio, video.");
    expect(text).toContain("Large models are the engine; AIGC is what the engine produces");
    expect(text).toContain("powers (engine → content)");
  });
});

describe("building-analogy", () => {
  it("steps through Transformer, LLM, GPT, ChatGPT", () => {
    expect(analogySteps.map((s) => s.term)).toEqual(["Transformer", "LLM", "GPT", "ChatGPT"]);
    expectEachStep(
      (i) => <BuildingAnalogy initialStep={i} />,
      [["Transformer = the frame"], ["LLM = a complete building on such a frame"], ["GPT = one specific skyscraper"], ["ChatGPT = that skyscraper, opened to the public"]],
      (i) => `Step ${i + 1} of 4`,
    );
  });

  it("adds to the drawing step by step (name on the crown from GPT, the open sign from ChatGPT)", () => {
    const html = analogySteps.map((_, i) => render(<BuildingAnalogy initialStep={i} />));
    expect(html.map((h) => /font-bold">GPT<\/text>/.test(h))).toEqual([false, false, true, true]);
    expect(html.map((h) => h.includes("OPEN · ChatGPT"))).toEqual([false, false, false, true]);
  });

  it("marks the first and last steps' Previous / Next as unavailable", () => {
    expect(render(<BuildingAnalogy initialStep={0} />)).toMatch(/aria-disabled="true"[^>]*>.*Previous/);
    expect(render(<BuildingAnalogy initialStep={3} />)).toMatch(/aria-disabled="true"[^>]*>Next/);
  });
});

describe("llm-pipeline", () => {
  it("has the four stages in order, each with its explanation", () => {
    expect(pipelineStages.map((s) => s.title)).toEqual(["Data preparation", "Architecture design", "Training", "Deployment"]);
    expectEachStep(
      (i) => <LlmPipeline initialStage={i} />,
      [["Collection:", "Cleaning:"], ["a Transformer (usually the decoder-only kind)"], ["predict each next token"], ["put it behind an app or an API"]],
      (i) => `Stage ${i + 1} of 4: ${pipelineStages[i].title}`,
    );
  });
});

describe("vector-space", () => {
  it("reports cosine similarity and angle for the chosen pair", () => {
    expect(textOf(render(<VectorSpace />))).toContain("cos θ = 0.967, θ = 14.7°: “king” and “queen” point in almost the same direction");
    expect(describePair("man", "banana")).toMatch(/^cos θ = -0\.0\d\d, θ = 9\d\.\d°: “man” and “banana” are close to perpendicular: unrelated\.$/);
    const html = render(<VectorSpace initialPair={["apple", "banana"]} />);
    expect(html).toMatch(/<option value="apple" selected="">/);
    expect(html).toMatch(/<option value="banana" selected="">/);
  });

  it("handles the same word picked twice", () => {
    expect(textOf(render(<VectorSpace initialPair={["dog", "dog"]} />))).toContain("Both selections are “dog”: cos θ = 1.000");
  });
});

describe("attention-heatmap", () => {
  const plain = computeAttention(tf, attentionData, { causal: false });
  const masked = computeAttention(tf, attentionData, { causal: true });
  const it7 = attentionData.tokens.indexOf("it");
  const view = (over: Partial<React.ComponentProps<typeof AttentionView>> = {}) =>
    render(
      <AttentionView
        data={attentionData}
        results={plain}
        error={null}
        head={0}
        query={it7}
        causal={false}
        onHead={noop}
        onQuery={noop}
        onCausal={noop}
        {...over}
      />,
    );

  it("renders a loading state on the server: TensorFlow.js is only imported in the browser", () => {
    const text = textOf(render(<AttentionHeatmap />));
    expect(text).toContain("Loading TensorFlow.js and computing the attention weights");
    expect(text).not.toContain("sum =");
  });

  it("has one aria-pressed button per head, numbered from 1", () => {
    const html = view({ head: 2 });
    const heads = [...html.matchAll(/<button type="button" aria-pressed="(true|false)"[^>]*data-testid="head-button-(\d)"/g)];
    expect(heads.map((m) => [m[2], m[1]])).toEqual([
      ["1", "false"],
      ["2", "false"],
      ["3", "true"],
      ["4", "false"],
    ]);
  });

  it("shows the selected query's weights with three decimals and their sum", () => {
    const html = view();
    const readout = /data-testid="attention-row-weights">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? "";
    const text = textOf(readout);
    expect(text).toMatch(/^“it” attends most to “animal” \(0\.8\d\d\)\. Its weights:/);
    const numbers = [...text.matchAll(/(\S+) (\d\.\d{3})/g)].slice(0, 11);
    expect(numbers.map((m) => m[1])).toEqual(attentionData.tokens);
    numbers.forEach((m, j) => expect(m[2]).toBe(plain[0].weights[it7][j].toFixed(3)));
    expect(text).toContain("sum = 1.000");
  });

  it("shows a different row for a different head", () => {
    const previous = textOf(view({ head: 1 }));
    expect(previous).toContain("“it” attends most to “because”");
  });

  it("offers the whole matrix as a table of 11 × 11 weights", () => {
    const html = view({ head: 3 });
    const table = /<table[\s\S]*<\/table>/.exec(html)?.[0] ?? "";
    const rows = [...table.matchAll(/<tr[^>]*><th scope="row"[^>]*>([^<]+)<\/th>((?:<td[^>]*>[^<]*<\/td>)+)<\/tr>/g)];
    expect(rows.map((r) => r[1])).toEqual(attentionData.tokens.map((t) => t.replace("'", "&#x27;")));
    rows.forEach((r, i) => {
      const cells = [...r[2].matchAll(/>([^<]*)<\/td>/g)].map((c) => c[1]);
      expect(cells).toEqual(plain[3].weights[i].map((w) => w.toFixed(3)));
    });
  });

  it("with the causal mask, hatches blocked cells and shows zeros above the diagonal", () => {
    const html = view({ results: masked, causal: true, query: 0 });
    const blocked = html.match(/blocked by the mask<\/title>/g) ?? [];
    expect(blocked).toHaveLength((11 * 10) / 2);
    expect(textOf(html)).toContain("“The” attends most to “The” (1.000)");
    expect(textOf(html)).toContain("causal mask on");
  });

  it("reports a failure to compute instead of crashing", () => {
    const text = textOf(view({ results: null, error: "backend unavailable" }));
    expect(text).toContain("The attention weights could not be computed: backend unavailable");
  });
});

describe("positional-encoding-heatmap", () => {
  it("labels the d_model slider (16-128, step 16) and shows its value", () => {
    const html = render(<PositionalEncodingHeatmap initialDModel={32} />);
    expect(html).toMatch(/<input[^>]*type="range"[^>]*min="16"[^>]*max="128"[^>]*step="16"[^>]*value="32"/);
    expect(textOf(html)).toContain("d_model (numbers per position)");
    expect(textOf(html)).toContain("d_model = 32");
    expect(html).toMatch(/<canvas width="32" height="50"/);
  });

  it("reads out a cell's value from the formula", () => {
    const text = textOf(render(<PositionalEncodingHeatmap initialDModel={64} />));
    expect(text).toContain(`Position 10, dimension 0 (sin, pair 0): PE = ${Math.sin(10).toFixed(3)}.`);
    expect(describeCell(3, 5, 16, positionalEncodingValue(3, 5, 16))).toBe(
      `Position 3, dimension 5 (cos, pair 2): PE = ${Math.cos(3 / 10).toFixed(3)}. This dimension's wave repeats every 62.8 positions.`,
    );
  });

  it("colours positive values orange and negative ones blue, with opacity |v|", () => {
    expect(cellColor(1)).toBe("rgba(234, 88, 12, 1.000)");
    expect(cellColor(-0.5)).toBe("rgba(37, 99, 235, 0.500)");
    expect(cellColor(0)).toBe("rgba(234, 88, 12, 0.000)");
  });
});

describe("softmax-temperature", () => {
  it("shows every candidate with its logit and its probability as a percentage", () => {
    const html = render(<SoftmaxTemperature initialTemperature={1} />);
    const rows = [...html.matchAll(/data-testid="softmax-row">([\s\S]*?)<\/g>/g)].map((m) => textOf(m[1]));
    const p = softmax(candidates.map((c) => c.logit), 1);
    expect(rows).toEqual(candidates.map((c, i) => `${c.token} ${c.logit.toFixed(1)} ${(p[i] * 100).toFixed(1)}%`));
    const total = rows.reduce((s, r) => s + Number(r.split(" ").pop()!.replace("%", "")), 0);
    expect(total).toBeCloseTo(100, 0);
  });

  it("labels the temperature slider (0.1-3) and shows its value", () => {
    const html = render(<SoftmaxTemperature initialTemperature={0.2} />);
    expect(html).toMatch(/<input[^>]*type="range"[^>]*min="0.1"[^>]*max="3"[^>]*step="0.1"[^>]*value="0.2"/);
    expect(textOf(html)).toContain("Temperature T");
    expect(textOf(html)).toContain("T = 0.2");
  });

  it("explains greedy decoding and sampling with the current numbers", () => {
    const low = textOf(render(<SoftmaxTemperature initialTemperature={0.2} />));
    const top = softmax(candidates.map((c) => c.logit), 0.2)[0];
    expect(low).toContain(`At T = 0.2 the top token “mat” gets ${(top * 100).toFixed(1)}%. Greedy decoding always picks “mat”; sampling picks it almost every time.`);
    expect(low).toContain("sharpens");
    const high = describeTemperature(3, ["a", "b"], [0.6, 0.4]);
    expect(high).toBe(
      "At T = 3.0 the top token “a” gets 60.0%. Greedy decoding always picks “a”; sampling picks it about 6 times in 10. Above 1, temperature flattens the distribution, so unlikely words get a real chance.",
    );
    expect(howOften(0.97)).toBe("almost every time");
    expect(howOften(0.12)).toBe("only about 1 time in 10");
  });
  it("top-k and top-p remove the least likely words and rescale the rest to 100%", () => {
    const rowsOf = (html: string) => [...html.matchAll(/data-testid="softmax-row">([\s\S]*?)<\/g>/g)].map((m) => textOf(m[1]));
    const topK = rowsOf(render(<SoftmaxTemperature initialTemperature={1} initialTopK={2} />));
    expect(topK.slice(2).every((r) => r.endsWith("removed"))).toBe(true);
    const kept = topK.slice(0, 2).map((r) => Number(r.split(" ").pop()!.replace("%", "")));
    expect(kept[0] + kept[1]).toBeCloseTo(100, 0);
    const p = softmax(candidates.map((c) => c.logit), 1);
    expect(kept[0]).toBeCloseTo((100 * p[0]) / (p[0] + p[1]), 1);
    // top-p = 0.5: "mat" alone holds 0.66 at T = 1, so it is the only word left
    const topP = rowsOf(render(<SoftmaxTemperature initialTemperature={1} initialTopP={0.5} />));
    expect(topP[0]).toBe("mat 4.2 100.0%");
    expect(topP.slice(1).every((r) => r.endsWith("removed"))).toBe(true);
    expect(describeFilters(2, 1, 2, 6)).toBe("With top-k = 2, 2 of 6 words stay; their probabilities are rescaled to add up to 100%.");
    expect(describeFilters(6, 1, 6, 6)).toBe("No filter: sampling can pick any of the 6 words.");
  });
});

describe("encoder-decoder-flow", () => {
  it("grows the output one token per decoder pass and ends with J'aime le thé", () => {
    const outputs = flowSteps.map((s) => s.output);
    for (let i = 1; i < outputs.length; i++) {
      expect(outputs[i].slice(0, outputs[i - 1].length)).toEqual(outputs[i - 1]);
      expect(outputs[i].length - outputs[i - 1].length).toBeLessThanOrEqual(1);
    }
    expect(joinOutput(outputs[outputs.length - 1])).toBe("J'aime le thé");
    expect(outputs[outputs.length - 1].at(-1)).toBe("<end>");
  });

  it("feeds the decoder exactly the tokens generated before each pass", () => {
    for (const s of flowSteps) {
      if (s.decoderInput.length > 0) expect(s.output.slice(0, s.decoderInput.length)).toEqual(s.decoderInput);
    }
  });

  it("highlights masked self-attention and cross-attention in their own steps and colours", () => {
    const maskedStep = flowSteps.findIndex((s) => s.highlight.length === 1 && s.highlight[0] === "dec-masked");
    const crossStep = flowSteps.findIndex((s) => s.highlight.includes("dec-cross") && s.highlight.length === 2);
    expect(maskedStep).toBeGreaterThan(0);
    expect(crossStep).toBe(maskedStep + 1);
    const masked = render(<EncoderDecoderFlow initialStep={maskedStep} />);
    expect(masked).toMatch(/<g data-highlighted="true"><rect[^>]*class="fill-violet-200[^"]*"[^>]*><\/rect><text[^>]*>Masked self-attention/);
    expect(textOf(masked)).toContain("each position may look only at itself and earlier positions");
    const cross = render(<EncoderDecoderFlow initialStep={crossStep} />);
    expect(cross).toMatch(/<g data-highlighted="true"><rect[^>]*class="fill-amber-200[^"]*"[^>]*><\/rect><text[^>]*>Cross-attention/);
    expect(textOf(cross)).toContain("the keys and values from the encoder's context vectors");
  });

  it("shows the step counter, explanation and output so far", () => {
    const last = textOf(render(<EncoderDecoderFlow initialStep={flowSteps.length - 1} />));
    expect(last).toContain(`Step ${flowSteps.length} of ${flowSteps.length}.`);
    expect(last).toContain("Output so far: J'aime le thé");
    expect(last).toContain("Next token: <end>");
    expect(textOf(render(<EncoderDecoderFlow />))).toContain("Output so far: (nothing yet)");
  });
});

describe("training-stages", () => {
  it("has pre-training, SFT and RLHF with the model each produces", () => {
    expect(trainingStages.map((s) => s.result)).toEqual(["base model", "SFT model", "chat model"]);
  });

  it("shows the base model continuing the question with another question", () => {
    const text = textOf(render(<TrainingStages initialStage={0} />));
    expect(text).toContain("Asked “What is the capital of France?”, the base model replies: What is the capital of England?");
    expect(text).toContain("unlabelled text");
  });

  it("describes SFT's human demonstrations and RLHF's reward model, PPO and KL penalty", () => {
    const sft = textOf(render(<TrainingStages initialStage={1} />));
    expect(sft).toContain("written by people");
    expect(sft).toContain("The capital of France is Paris.");
    const rlhf = textOf(render(<TrainingStages initialStage={2} />));
    expect(rlhf).toContain("Train a reward model on the rankings");
    expect(rlhf).toContain("PPO");
    expect(rlhf).toContain("KL penalty");
  });
});

describe("SVG buttons", () => {
  it("activate on Enter and Space, and leave other keys alone", () => {
    let calls = 0;
    let prevented = 0;
    const handler = activateOnKey(() => calls++);
    for (const key of ["Enter", " ", "Tab", "a", "ArrowDown"]) handler({ key, preventDefault: () => prevented++ });
    expect(calls).toBe(2);
    expect(prevented).toBe(2);
  });
});

describe("tokenizer", () => {
  // The real GPT-4 vocabulary (cl100k_base), as the figure loads it in the browser.
  const loadGpt4 = () => vocabularies.cl100k_base.load();

  it("splits text into tokens with visible spaces and their real ids", async () => {
    const pieces = tokenPieces(await loadGpt4(), "Hello world");
    expect(pieces.map((p) => p.label)).toEqual(["Hello", "·world"]);
    expect(pieces.map((p) => p.id)).toEqual([9906, 1917]);
  });

  it("counts the lesson's sentences: 8 tokens in English, 15 in Chinese with GPT-4's vocabulary, 30 with GPT-2's", async () => {
    const [english, chinese] = comparison.map((c) => c.text);
    const gpt4 = await loadGpt4();
    const gpt2 = await vocabularies.r50k_base.load();
    expect([gpt4.encode(english).length, gpt4.encode(chinese).length]).toEqual([8, 15]);
    expect([gpt2.encode(english).length, gpt2.encode(chinese).length]).toEqual([8, 30]);
    expect([utf8Length(english), utf8Length(chinese)]).toEqual([45, 42]);
  });

  it("marks a token that holds only part of a Chinese character's bytes", async () => {
    const pieces = tokenPieces(await vocabularies.r50k_base.load(), "猫");
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.some((p) => p.partial && p.label === "(byte piece)")).toBe(true);
    expect(visibleWhitespace("a b\nc")).toBe("a·b⏎c");
  });
});

describe("gradient-descent", () => {
  it("explains each of the three presets from a real run", () => {
    const [small, right, large] = presets.map((p) => describeRun(p.rate, lossCurve({ w: 0, b: 0 }, p.rate, STEPS)));
    expect(small).toMatch(/^Too slow: at learning rate 0\.010 the loss fell from 2\.72 to/);
    expect(right).toMatch(/^Converged: at learning rate 0\.50 the loss fell from 2\.72 to 0\.016 in 50 steps/);
    expect(large).toMatch(/^Diverging: at learning rate 1\.20 .* grew from 2\.72 to 7\.0e\+14 in 50 steps/);
  });

  it("shows the learning-rate slider, the presets and the starting line", () => {
    const html = render(<GradientDescent />);
    expect(textOf(html)).toContain("Learning rate");
    expect(textOf(html)).toContain("Too large (1.2)");
    expect(html).toContain("y = 0.00x + 0.00");
  });
});
