"use client";
/**
 * How an LLM is built: data preparation → architecture design → training → deployment.
 * Each stage is selectable (click, Tab, Enter/Space) and shows what happens in it and
 * what it hands to the next stage.
 */
import { useState } from "react";
import { LabelledText, StageBox, SvgButton, StepControls, mutedText } from "./ui";
import { figureText, useFigureText } from "./use-figure-text";
import llmPipelineEnglish from "./text/en/llm-pipeline.json";

interface Stage {
  title: string;
  subtitle: string;
  what: string[];
  output: string;
}

/** The four stages in English (components/figures/text/<locale>.json holds every language's). */
export const pipelineStages = figureText("llm-pipeline", llmPipelineEnglish).raw<Stage[]>("stages");

const BOX_W = 300;
const BOX_H = 50;
const GAP = 22;

export default function LlmPipeline({ initialStage = 0 }: { initialStage?: number }) {
  const [stage, setStage] = useState(initialStage);
  const t = useFigureText("llm-pipeline", llmPipelineEnglish);
  const pipelineStages = t.raw<Stage[]>("stages");
  const current = pipelineStages[stage];
  const height = pipelineStages.length * BOX_H + (pipelineStages.length - 1) * GAP + 8;

  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-[minmax(0,17rem)_minmax(0,1fr)]">
        <svg viewBox={`0 0 ${BOX_W + 8} ${height}`} className="w-full max-w-sm">
          {pipelineStages.map((s, i) => {
            const y = 4 + i * (BOX_H + GAP);
            const selected = i === stage;
            return (
              <g key={s.title}>
                {i > 0 && (
                  <g className="fill-slate-500 stroke-slate-500 dark:fill-slate-400 dark:stroke-slate-400">
                    <line x1={4 + BOX_W / 2} x2={4 + BOX_W / 2} y1={y - GAP + 2} y2={y - 6} strokeWidth={2} />
                    <path d={`M ${BOX_W / 2 - 2} ${y - 9} L ${4 + BOX_W / 2} ${y - 2} L ${BOX_W / 2 + 10} ${y - 9} z`} />
                  </g>
                )}
                <SvgButton label={`${i + 1}. ${s.title}`} pressed={selected} onSelect={() => setStage(i)} testId={`stage-${i + 1}`}>
                  <StageBox y={y} width={BOX_W} height={BOX_H} selected={selected} />
                  <circle cx={30} cy={y + BOX_H / 2} r={13} className="fill-sky-700 dark:fill-sky-400" />
                  <text x={30} y={y + BOX_H / 2 + 5} textAnchor="middle" className="fill-white text-[13px] font-bold dark:fill-slate-950">
                    {i + 1}
                  </text>
                  <text x={54} y={y + 22} className="fill-current text-[15px] font-semibold">
                    {s.title}
                  </text>
                  <text x={54} y={y + 40} className={`fill-current text-[12px] ${mutedText}`}>
                    {s.subtitle}
                  </text>
                </SvgButton>
              </g>
            );
          })}
        </svg>

        <div aria-live="polite" data-testid="pipeline-detail" className="space-y-2">
          <p className="font-semibold">
            {t("stageOf", { step: stage + 1, count: pipelineStages.length, title: current.title })}
          </p>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {current.what.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <LabelledText label={t("result")} className="text-sm">{current.output}</LabelledText>
        </div>
      </div>
      <StepControls step={stage} count={pipelineStages.length} onStep={setStage} unit="stage" />
    </div>
  );
}
