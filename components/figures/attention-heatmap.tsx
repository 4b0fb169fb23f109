"use client";
/**
 * Self-attention weights for a real sentence, head by head, computed in the browser with
 * TensorFlow.js from the toy model in content/figures/attention.json:
 *   weights = softmax(Q·Kᵀ / √d_k), Q = X·Wq, K = X·Wk, X = embedding + positional encoding.
 *
 * TensorFlow.js is imported only when this figure mounts (`await import(...)`), and a figure
 * mounts when the reader scrolls near it (components/ui/lazy-when-near.tsx), so it is never
 * part of a page's first load. The CPU backend is forced: the numbers are tiny, and WebGL
 * would compile shaders for nothing.
 */
import { useEffect, useId, useState } from "react";
import attentionJson from "@/content/figures/attention.json";
import { type AttentionData, type HeadAttention, type Tf, checkAttentionData, computeAttention } from "./math/attention";
import { Checkbox, ChoiceButtons, buttonClass, focusRing, mutedText } from "./ui";
import { useFigureText } from "./use-figure-text";
import attentionHeatmapEnglish from "./text/en/attention-heatmap.json";

export const attentionData: AttentionData = checkAttentionData(attentionJson as AttentionData);

let tfPromise: Promise<Tf> | null = null;
/** Loads TensorFlow.js once per page, on the CPU backend. */
function loadTf(): Promise<Tf> {
  tfPromise ??= import("@tensorflow/tfjs").then(async (tf) => {
    await tf.setBackend("cpu");
    await tf.ready();
    return tf;
  });
  // A failed load should be retried the next time, not cached forever.
  tfPromise.catch(() => (tfPromise = null));
  return tfPromise;
}

/** A weight as the figure prints it: three decimals. */
export const formatWeight = (w: number) => w.toFixed(3);

export default function AttentionHeatmap() {
  const [head, setHead] = useState(0);
  const [query, setQuery] = useState(attentionData.tokens.indexOf("it"));
  const [causal, setCausal] = useState(false);
  const [results, setResults] = useState<{ plain?: HeadAttention[]; causal?: HeadAttention[] }>({});
  const [error, setError] = useState<string | null>(null);
  const mode = causal ? "causal" : "plain";
  const current = results[mode] ?? null;

  useEffect(() => {
    if (current) return;
    let cancelled = false;
    setError(null);
    loadTf()
      .then((tf) => {
        const computed = computeAttention(tf, attentionData, { causal: mode === "causal" });
        if (!cancelled) setResults((r) => ({ ...r, [mode]: computed }));
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      cancelled = true;
    };
  }, [mode, current]);

  return (
    <AttentionView
      data={attentionData}
      results={current}
      error={error}
      head={head}
      query={query}
      causal={causal}
      onHead={setHead}
      onQuery={setQuery}
      onCausal={setCausal}
    />
  );
}

export interface AttentionViewProps {
  data: AttentionData;
  /** Weights for every head, or null while TensorFlow.js is loading. */
  results: HeadAttention[] | null;
  error: string | null;
  head: number;
  query: number;
  causal: boolean;
  onHead: (head: number) => void;
  onQuery: (query: number) => void;
  onCausal: (causal: boolean) => void;
}

const CELL = 26;
const LEFT = 64;
const TOP = 66;

/** Everything the figure shows, as a pure function of its state (rendered on the server and in tests). */
export function AttentionView({ data, results, error, head, query, causal, onHead, onQuery, onCausal }: AttentionViewProps) {
  const { tokens } = data;
  const n = tokens.length;
  const weights = results?.[head]?.weights ?? null;
  const row = weights?.[query] ?? null;
  const headParams = data.heads[head];
  const patternId = `blocked-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const t = useFigureText("attention-heatmap", attentionHeatmapEnglish);
  const heads = t.raw<{ name: string; summary: string }[]>("heads");

  return (
    <div className="space-y-4">
      <ChoiceButtons
        label={t("headGroup")}
        testIdPrefix="head-button-"
        value={head}
        onChange={onHead}
        options={data.heads.map((_, i) => ({ value: i, label: t("headOption", { n: i + 1, name: heads[i]?.name ?? "" }) }))}
      />
      <p className="text-sm" aria-live="polite">
        <span className="font-semibold">{t("headTitle", { n: head + 1 })}</span> {heads[head]?.summary ?? headParams.summary}
      </p>

      <Checkbox checked={causal} onChange={onCausal} accent="sky" align="start" testId="causal-toggle">
        <span>
          <span className="font-medium">{t("causal")}</span>
          {t("causalExplain")}
        </span>
      </Checkbox>

      <div>
        <p className={`mb-1 text-sm ${mutedText}`}>
          {t("queryHint")}
        </p>
        <div role="group" aria-label={t("queryGroup")} className="flex flex-wrap gap-1">
          {tokens.map((token, i) => (
            <button
              key={i}
              type="button"
              aria-pressed={i === query}
              className={buttonClass(i === query) + " px-2 py-1 font-mono"}
              onClick={() => onQuery(i)}
              onFocus={() => onQuery(i)}
              onMouseEnter={() => onQuery(i)}
            >
              {token}
            </button>
          ))}
        </div>
      </div>

      {error ? (
        <p className="rounded border border-red-600 p-3 text-sm text-red-800 dark:border-red-400 dark:text-red-200" role="alert">
          {t("failed", { error })}
        </p>
      ) : !results || !weights ? (
        <p role="status" className={`flex h-40 items-center justify-center text-sm ${mutedText}`}>
          {t("loading")}
        </p>
      ) : (
        <>
          <svg
            viewBox={`0 0 ${LEFT + n * CELL + 4} ${TOP + n * CELL + 4}`}
            className="w-full max-w-md"
            aria-hidden="true"
            data-testid="attention-grid"
          >
            <defs>
              <pattern id={patternId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <line x1="0" y1="0" x2="0" y2="6" className="stroke-slate-300 dark:stroke-slate-600" strokeWidth="2" />
              </pattern>
            </defs>
            <text x={2} y={TOP - 6} className={`fill-current text-[10px] ${mutedText}`}>
              {t("axes")}
            </text>
            {tokens.map((token, j) => (
              <text
                key={`k${j}`}
                transform={`translate(${LEFT + j * CELL + CELL / 2 + 4}, ${TOP - 6}) rotate(-60)`}
                className={`fill-current text-[11px] ${row && row[j] === Math.max(...row) ? "font-bold" : ""}`}
              >
                {token}
              </text>
            ))}
            {tokens.map((token, i) => (
              <g key={`q${i}`} onMouseEnter={() => onQuery(i)} onClick={() => onQuery(i)}>
                <text
                  x={LEFT - 6}
                  y={TOP + i * CELL + CELL / 2 + 4}
                  textAnchor="end"
                  className={`fill-current text-[11px] ${i === query ? "font-bold" : ""}`}
                >
                  {token}
                </text>
                {tokens.map((key, j) => {
                  const w = weights[i][j];
                  const blocked = causal && j > i;
                  return (
                    <g key={j}>
                      <rect
                        x={LEFT + j * CELL}
                        y={TOP + i * CELL}
                        width={CELL}
                        height={CELL}
                        className="fill-white dark:fill-slate-900"
                      />
                      <rect
                        x={LEFT + j * CELL}
                        y={TOP + i * CELL}
                        width={CELL}
                        height={CELL}
                        fill={blocked ? `url(#${patternId})` : undefined}
                        fillOpacity={blocked ? 1 : w}
                        className={blocked ? "" : "fill-sky-700 dark:fill-sky-400"}
                      >
                        <title>{t("cellTitle", { query: token, key, weight: blocked ? t("cellBlocked") : formatWeight(w) })}</title>
                      </rect>
                    </g>
                  );
                })}
              </g>
            ))}
            <rect x={LEFT} y={TOP} width={n * CELL} height={n * CELL} className="fill-none stroke-slate-300 dark:stroke-slate-600" />
            <rect
              x={LEFT - 1}
              y={TOP + query * CELL}
              width={n * CELL + 2}
              height={CELL}
              className="pointer-events-none fill-none stroke-orange-600 stroke-2 dark:stroke-orange-400"
            />
          </svg>
          <div className={`flex items-center gap-2 text-xs ${mutedText}`}>
            <span>0</span>
            <span className="h-3 w-32 rounded border border-slate-300 bg-linear-to-r from-white to-sky-700 dark:border-slate-600 dark:from-slate-900 dark:to-sky-400" />
            <span>1</span>
            <span>{t("legend")}{causal ? t("legendBlocked") : ""}</span>
          </div>

          <RowReadout data={data} results={results} head={head} query={query} />

          <details className="text-sm">
            <summary className={`cursor-pointer rounded font-medium ${focusRing}`}>{t("showTable")}</summary>
            <div className="mt-2 overflow-x-auto">
              <table className="border-collapse font-mono text-xs" data-testid="attention-table">
                <caption className="mb-1 text-left font-sans text-sm">
                  {t("tableCaption", { n: head + 1, name: heads[head]?.name ?? headParams.name, mask: causal ? t("maskOn") : "" })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className="p-1 text-left font-sans">
                      {t("corner")}
                    </th>
                    {tokens.map((token, j) => (
                      <th key={j} scope="col" className="p-1 text-right">
                        {token}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {tokens.map((token, i) => (
                    <tr key={i} className={i === query ? "bg-orange-50 dark:bg-orange-950" : ""}>
                      <th scope="row" className="p-1 text-left">
                        {token}
                      </th>
                      {weights[i].map((w, j) => (
                        <td key={j} className="p-1 text-right tabular-nums">
                          {formatWeight(w)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
      <p className={`text-xs ${mutedText}`}>{t("note")}</p>
    </div>
  );
}

/** The weights of the selected query word, as numbers, their sum, and the head's output. */
export function RowReadout({ data, results, head, query }: { data: AttentionData; results: HeadAttention[]; head: number; query: number }) {
  const { tokens } = data;
  const row = results[head].weights[query];
  const output = results[head].outputs[query];
  const sum = row.reduce((a, b) => a + b, 0);
  const strongest = row.indexOf(Math.max(...row));
  const t = useFigureText("attention-heatmap", attentionHeatmapEnglish);
  const valueLabels = t.raw<string[]>("valueLabels");
  return (
    <div className="rounded-md border border-slate-200 p-3 dark:border-slate-700" data-testid="attention-row-weights">
      <p className="text-sm" aria-live="polite">
        {t("attendsMost", { query: tokens[query], key: tokens[strongest], weight: formatWeight(row[strongest]) })}
      </p>
      <ul className="mt-2 flex flex-wrap gap-x-3 gap-y-1 font-mono text-sm">
        {row.map((w, j) => (
          <li key={j} className={j === strongest ? "font-bold" : ""}>
            {tokens[j]} <span className="tabular-nums">{formatWeight(w)}</span>
          </li>
        ))}
      </ul>
      <p className="mt-2 font-mono text-sm" data-testid="attention-row-sum">
        {t("sum", { sum: formatWeight(sum) })}
      </p>
      <p className={`mt-2 text-xs ${mutedText}`}>
        {t("output", { query: tokens[query], values: data.valueLabels.map((label, k) => `${valueLabels[k] ?? label} ${output[k].toFixed(2)}`).join(" · ") })}
      </p>
    </div>
  );
}
