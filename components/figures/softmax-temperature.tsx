"use client";
/**
 * Softmax with temperature: six candidate next tokens after "The cat sat on the", their
 * logits, and the probabilities softmax(logits / T) gives them as T moves from 0.1 to 3;
 * then top-k and top-p trim the tail and renormalise, and samples are drawn from the result.
 */
import { useId, useMemo, useState } from "react";
import { argmax, keepTopK, keepTopP, sampleIndex, softmax } from "./math/softmax";
import { LabelledSlider, buttonClass, focusRing, mutedText, percent } from "./ui";
import { figureText, useFigureText, type FigureText } from "./use-figure-text";
import softmaxTemperatureEnglish from "./text/en/softmax-temperature.json";

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
const english = figureText("softmax-temperature", softmaxTemperatureEnglish);

export function howOften(p: number, t: FigureText = english): string {
  if (p >= 0.995) return t("often.virtually");
  if (p >= 0.95) return t("often.almost");
  const tenths = Math.round(p * 10);
  if (tenths <= 1) return t("often.once");
  return t("often.tenths", { tenths });
}

/**
 * The sentence under the bars. It names the top token and its probability at this
 * temperature and contrasts greedy decoding (always the top token) with sampling.
 */
export function describeTemperature(
  temperature: number,
  tokens: readonly string[],
  probabilities: readonly number[],
  t: FigureText = english,
): string {
  const top = argmax(probabilities);
  const p = probabilities[top];
  const effect = t(temperature < 1 ? "sharpens" : temperature > 1 ? "flattens" : "plain");
  return t("top", { t: formatTemperature(temperature), word: `“${tokens[top]}”`, percent: percent(p), often: howOften(p, t), effect });
}

/** The sentence about the filters: how many candidates top-k and top-p leave. */
export function describeFilters(topK: number, topP: number, kept: number, total: number, t: FigureText = english): string {
  if (topK >= total && topP >= 1) return t("noFilter", { total });
  const parts = [topK < total ? `top-k = ${topK}` : "", topP < 1 ? `top-p = ${topP.toFixed(2)}` : ""].filter(Boolean);
  return t("filtered", { filters: parts.join(t("and")), kept, total });
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
  const t = useFigureText("softmax-temperature", softmaxTemperatureEnglish);
  const [topK, setTopK] = useState(initialTopK);
  const [topP, setTopP] = useState(initialTopP);
  const [samples, setSamples] = useState<string[]>([]);
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
        {t("prompt")}<span className="font-mono">{prompt}</span>{" "}
        <span className="rounded bg-slate-100 px-1.5 font-mono dark:bg-slate-800">___</span>
      </p>

      <LabelledSlider
        label={t("temperature")}
        range={temperatureRange}
        value={temperature}
        valueText={`T = ${formatTemperature(temperature)}`}
        onChange={setTemperature}
        readoutTestId="temperature-value"
      />

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
                {i + 1 === candidates.length ? t("off", { value: i + 1 }) : i + 1}
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
            aria-valuetext={topP >= 1 ? t("pOff") : `p = ${topP.toFixed(2)}`}
            onChange={(e) => setTopP(Number(e.target.value))}
            className={`w-40 accent-sky-700 dark:accent-sky-400 ${focusRing}`}
          />
          <output htmlFor={topPId} className="font-mono text-sm tabular-nums" data-testid="top-p-value">
            {topP >= 1 ? t("off", { value: "1.00" }) : topP.toFixed(2)}
          </output>
        </label>
      </div>

      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="w-full max-w-md"
        role="img"
        aria-label={t("barsLabel", {
          t: formatTemperature(temperature),
          list: tokens.map((token, i) => (probabilities[i] > 0 ? `${token} ${percent(probabilities[i])}` : t("removedToken", { token }))).join(", "),
        })}
      >
        <text x={labelWidth - 8} y={12} textAnchor="end" className={`fill-current text-[11px] ${mutedText}`}>
          {t("token")}
        </text>
        <text x={labelWidth + logitWidth - 6} y={12} textAnchor="end" className={`fill-current text-[11px] ${mutedText}`}>
          {t("logit")}
        </text>
        <text x={labelWidth + logitWidth + 4} y={12} className={`fill-current text-[11px] ${mutedText}`}>
          {t("probability")}
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
                {removed ? t("removed") : percent(p)}
              </text>
            </g>
          );
        })}
      </svg>

      <p aria-live="polite" data-testid="temperature-explanation">
        {describeTemperature(temperature, tokens, tempered, t)}
      </p>
      <p aria-live="polite" data-testid="filter-explanation" className={`text-sm ${mutedText}`}>
        {describeFilters(topK, topP, kept, candidates.length, t)}
      </p>

      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={buttonClass()} onClick={sample}>
          {t("sample")}
        </button>
        {samples.length > 0 && (
          <button type="button" className={buttonClass()} onClick={() => setSamples([])}>
            {t("clear")}
          </button>
        )}
        <p className={`text-sm ${mutedText}`} aria-live="polite">
          {samples.length === 0
            ? t("sampleHint")
            : t(samples.length === 1 ? "lastOne" : "last", { count: samples.length, samples: samples.join(", ") })}
        </p>
      </div>
    </div>
  );
}
