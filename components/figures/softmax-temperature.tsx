"use client";
/**
 * Softmax with temperature: six candidate next tokens after "The cat sat on the", their
 * logits, and the probabilities softmax(logits / T) gives them as T moves from 0.1 to 3;
 * then top-k and top-p trim the tail and renormalise, and samples are drawn from the result.
 */
import { useId, useMemo, useState } from "react";
import { argmax, keepTopK, keepTopP, sampleIndex, softmax } from "./math/softmax";
import { buttonClass, focusRing, mutedText, percent } from "./ui";

export const prompt = "The cat sat on the";

/** Made-up but plausible scores a language model might give these continuations. */
export const candidates: readonly { token: string; logit: number }[] = [
  { token: "mat", logit: 4.2 },
  { token: "floor", logit: 3.2 },
  { token: "sofa", logit: 2.6 },
  { token: "bed", logit: 2.3 },
  { token: "roof", logit: 1.5 },
  { token: "keyboard", logit: 1.2 },
];

export const temperatureRange = { min: 0.1, max: 3, step: 0.1 } as const;

export function formatTemperature(t: number): string {
  return t.toFixed(1);
}

/** "about 6 times in 10", "almost every time", ... for a probability p of one outcome. */
export function howOften(p: number): string {
  if (p >= 0.995) return "virtually every time";
  if (p >= 0.95) return "almost every time";
  const tenths = Math.round(p * 10);
  if (tenths <= 1) return "only about 1 time in 10";
  return `about ${tenths} times in 10`;
}

/**
 * The sentence under the bars. It names the top token and its probability at this
 * temperature and contrasts greedy decoding (always the top token) with sampling.
 */
export function describeTemperature(temperature: number, tokens: readonly string[], probabilities: readonly number[]): string {
  const top = argmax(probabilities);
  const word = `“${tokens[top]}”`;
  const t = formatTemperature(temperature);
  const p = probabilities[top];
  const effect =
    temperature < 1
      ? "Below 1, temperature sharpens the distribution towards the top token."
      : temperature > 1
        ? "Above 1, temperature flattens the distribution, so unlikely words get a real chance."
        : "At T = 1 the probabilities are the plain softmax of the logits.";
  return (
    `At T = ${t} the top token ${word} gets ${percent(p)}. ` +
    `Greedy decoding always picks ${word}; sampling picks it ${howOften(p)}. ${effect}`
  );
}

/** The sentence about the filters: how many candidates top-k and top-p leave. */
export function describeFilters(topK: number, topP: number, kept: number, total: number): string {
  if (topK >= total && topP >= 1) return `No filter: sampling can pick any of the ${total} words.`;
  const parts = [topK < total ? `top-k = ${topK}` : "", topP < 1 ? `top-p = ${topP.toFixed(2)}` : ""].filter(Boolean);
  return `With ${parts.join(" and ")}, ${kept} of ${total} words stay; their probabilities are rescaled to add up to 100%.`;
}

const SAMPLE_HISTORY = 12;

export default function SoftmaxTemperature({
  initialTemperature = 1,
  initialTopK = candidates.length,
  initialTopP = 1,
}: {
  initialTemperature?: number;
  initialTopK?: number;
  initialTopP?: number;
}) {
  const [temperature, setTemperature] = useState(initialTemperature);
  const [topK, setTopK] = useState(initialTopK);
  const [topP, setTopP] = useState(initialTopP);
  const [samples, setSamples] = useState<string[]>([]);
  const sliderId = useId();
  const topKId = useId();
  const topPId = useId();
  const tokens = candidates.map((c) => c.token);
  const tempered = useMemo(() => softmax(candidates.map((c) => c.logit), temperature), [temperature]);
  // Temperature first, then top-k, then top-p: the order samplers usually apply them in.
  const probabilities = useMemo(() => keepTopP(keepTopK(tempered, topK), topP), [tempered, topK, topP]);
  const kept = probabilities.filter((p) => p > 0).length;
  const top = argmax(probabilities);

  const width = 360;
  const rowHeight = 34;
  const labelWidth = 78;
  const logitWidth = 40;
  const percentWidth = 54;
  const barMax = width - labelWidth - logitWidth - percentWidth - 8;
  const height = candidates.length * rowHeight + 22;

  function sample() {
    const token = tokens[sampleIndex(probabilities, Math.random())];
    setSamples((previous) => [token, ...previous].slice(0, SAMPLE_HISTORY));
  }

  return (
    <div className="space-y-4">
      <p className="text-base">
        Prompt: <span className="font-mono">{prompt}</span>{" "}
        <span className="rounded bg-slate-100 px-1.5 font-mono dark:bg-slate-800">___</span>
      </p>

      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <label htmlFor={sliderId} className="text-sm font-medium">
          Temperature T
        </label>
        <input
          id={sliderId}
          type="range"
          min={temperatureRange.min}
          max={temperatureRange.max}
          step={temperatureRange.step}
          value={temperature}
          aria-valuetext={`T = ${formatTemperature(temperature)}`}
          onChange={(e) => setTemperature(Number(e.target.value))}
          className={`w-full max-w-xs accent-sky-700 dark:accent-sky-400 ${focusRing}`}
        />
        <output htmlFor={sliderId} className="font-mono text-sm tabular-nums" data-testid="temperature-value">
          T = {formatTemperature(temperature)}
        </output>
      </div>

      <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <label className="flex items-center gap-2 text-sm font-medium" htmlFor={topKId}>
          Top-k
          <select
            id={topKId}
            value={topK}
            onChange={(e) => setTopK(Number(e.target.value))}
            className={`rounded border border-slate-300 bg-white px-2 py-1 font-mono text-sm dark:border-slate-600 dark:bg-slate-900 ${focusRing}`}
          >
            {candidates.map((_, i) => (
              <option key={i + 1} value={i + 1}>
                {i + 1 === candidates.length ? `${i + 1} (off)` : i + 1}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm font-medium" htmlFor={topPId}>
          Top-p
          <input
            id={topPId}
            type="range"
            min={0.05}
            max={1}
            step={0.05}
            value={topP}
            aria-valuetext={topP >= 1 ? "p = 1, off" : `p = ${topP.toFixed(2)}`}
            onChange={(e) => setTopP(Number(e.target.value))}
            className={`w-40 accent-sky-700 dark:accent-sky-400 ${focusRing}`}
          />
          <output htmlFor={topPId} className="font-mono text-sm tabular-nums" data-testid="top-p-value">
            {topP >= 1 ? "1.00 (off)" : topP.toFixed(2)}
          </output>
        </label>
      </div>

      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="w-full max-w-md"
        role="img"
        aria-label={`Probabilities at T = ${formatTemperature(temperature)}: ${tokens
          .map((t, i) => (probabilities[i] > 0 ? `${t} ${percent(probabilities[i])}` : `${t} removed`))
          .join(", ")}`}
      >
        <text x={labelWidth - 8} y={12} textAnchor="end" className={`fill-current text-[11px] ${mutedText}`}>
          token
        </text>
        <text x={labelWidth + logitWidth - 6} y={12} textAnchor="end" className={`fill-current text-[11px] ${mutedText}`}>
          logit
        </text>
        <text x={labelWidth + logitWidth + 4} y={12} className={`fill-current text-[11px] ${mutedText}`}>
          probability
        </text>
        {candidates.map((c, i) => {
          const y = 22 + i * rowHeight;
          const p = probabilities[i];
          const isTop = i === top;
          const removed = p === 0;
          return (
            <g key={c.token} opacity={removed ? 0.45 : 1} data-testid="softmax-row">
              <text x={labelWidth - 8} y={y + 19} textAnchor="end" className={`fill-current text-[13px] ${isTop ? "font-bold" : ""}`}>
                {c.token}
              </text>
              <text x={labelWidth + logitWidth - 6} y={y + 19} textAnchor="end" className={`fill-current font-mono text-[12px] ${mutedText}`}>
                {c.logit.toFixed(1)}
              </text>
              <rect x={labelWidth + logitWidth + 4} y={y + 5} width={barMax} height={rowHeight - 12} rx={3} className="fill-slate-100 dark:fill-slate-800" />
              <rect
                x={labelWidth + logitWidth + 4}
                y={y + 5}
                width={Math.max(1, p * barMax)}
                height={rowHeight - 12}
                rx={3}
                className={isTop ? "fill-sky-700 dark:fill-sky-400" : "fill-sky-400 dark:fill-sky-700"}
              />
              <text x={width - 2} y={y + 19} textAnchor="end" className="fill-current font-mono text-[12px] tabular-nums">
                {removed ? "removed" : percent(p)}
              </text>
            </g>
          );
        })}
      </svg>

      <p aria-live="polite" data-testid="temperature-explanation">
        {describeTemperature(temperature, tokens, tempered)}
      </p>
      <p aria-live="polite" data-testid="filter-explanation" className={`text-sm ${mutedText}`}>
        {describeFilters(topK, topP, kept, candidates.length)}
      </p>

      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={buttonClass()} onClick={sample}>
          Sample a token
        </button>
        {samples.length > 0 && (
          <button type="button" className={buttonClass()} onClick={() => setSamples([])}>
            Clear
          </button>
        )}
        <p className={`text-sm ${mutedText}`} aria-live="polite">
          {samples.length === 0
            ? "Sampling draws a word at random with these probabilities."
            : `Last ${samples.length === 1 ? "sample" : `${samples.length} samples`}, newest first: ${samples.join(", ")}`}
        </p>
      </div>
    </div>
  );
}
