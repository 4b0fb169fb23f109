"use client";
/** Using the trained model: generate from a prompt (temperature, top-k, top-p), and look at its attention heads. */
import { useState } from "react";
import { useTranslations } from "next-intl";
import { primaryButton, secondaryButton } from "@/components/exercise/styles";
import type { AttentionMaps } from "@/lib/capstone/worker/protocol";
import { AttentionGrid } from "./attention-grid";
import { problemText, TrainerRequestError, type CapstoneTranslate } from "./problem-text";
import type { Trainer } from "./use-trainer";

const input = "rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900";

/** A failed request in the page's words (the worker's problem), or the error's own text. */
const requestProblem = (t: CapstoneTranslate, error: unknown) =>
  error instanceof TrainerRequestError ? problemText(t, error.problem) : error instanceof Error ? error.message : String(error);

export function GeneratePanel({ trainer }: { trainer: Trainer }) {
  const [prompt, setPrompt] = useState("The model ");
  const [temperature, setTemperature] = useState(0.8);
  const [topK, setTopK] = useState(0);
  const [topP, setTopP] = useState(0.95);
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useTranslations("capstone");

  async function run() {
    setBusy(true);
    setProblem(null);
    try {
      setText(await trainer.generate({ prompt, length: 200, sampling: { temperature, topK, topP } }));
    } catch (error) {
      setProblem(requestProblem(t, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="generate-title" className="space-y-3">
      <h2 id="generate-title" className="text-lg font-semibold">{t("generateTitle")}</h2>
      <label className="block text-sm">
        {t("prompt")}
        <input data-testid="generate-prompt" value={prompt} onChange={(e) => setPrompt(e.target.value)} className={`mt-1 block w-full ${input}`} />
      </label>
      <div className="flex flex-wrap gap-4 text-sm">
        <label>{t("temperature")} <input type="number" min={0} max={2} step={0.1} value={temperature} onChange={(e) => setTemperature(Number(e.target.value))} className={`w-20 ${input}`} /></label>
        <label>{t("topK")} <input type="number" min={0} max={100} step={1} value={topK} onChange={(e) => setTopK(Number(e.target.value))} className={`w-20 ${input}`} /></label>
        <label>{t("topP")} <input type="number" min={0.05} max={1} step={0.05} value={topP} onChange={(e) => setTopP(Number(e.target.value))} className={`w-20 ${input}`} /></label>
        <button type="button" className={primaryButton} onClick={run} disabled={busy} data-testid="generate-button">{busy ? t("generating") : t("generate")}</button>
      </div>
      {problem ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{problem}</p> : null}
      {text !== null ? <pre data-testid="generate-output" className="whitespace-pre-wrap rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-900">{text}</pre> : null}
    </section>
  );
}

export function AttentionPanel({ trainer, layers, heads }: { trainer: Trainer; layers: number; heads: number }) {
  const [sentence, setSentence] = useState("The cat sat on the mat.");
  const [maps, setMaps] = useState<AttentionMaps | null>(null);
  const [layer, setLayer] = useState(0);
  const [head, setHead] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const t = useTranslations("capstone");

  async function look() {
    setProblem(null);
    try {
      setMaps(await trainer.attention(sentence));
    } catch (error) {
      setProblem(requestProblem(t, error));
    }
  }

  return (
    <section aria-labelledby="attention-title" className="space-y-3">
      <h2 id="attention-title" className="text-lg font-semibold">{t("attentionTitle")}</h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">{t("attentionIntro")}</p>
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex-1">{t("sentence")} <input data-testid="attention-sentence" value={sentence} onChange={(e) => setSentence(e.target.value)} className={`mt-1 block w-full ${input}`} /></label>
        <label>{t("layer")} <select value={layer} onChange={(e) => setLayer(Number(e.target.value))} className={input}>{Array.from({ length: layers }, (_, i) => <option key={i} value={i}>{i + 1}</option>)}</select></label>
        <label>{t("head")} <select value={head} onChange={(e) => setHead(Number(e.target.value))} className={input}>{Array.from({ length: heads }, (_, i) => <option key={i} value={i}>{i + 1}</option>)}</select></label>
        <button type="button" className={secondaryButton} onClick={look} data-testid="attention-button">{t("showAttention")}</button>
      </div>
      {problem ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{problem}</p> : null}
      {maps ? <div className="overflow-x-auto"><AttentionGrid maps={maps} layer={layer} head={head} /></div> : null}
    </section>
  );
}
