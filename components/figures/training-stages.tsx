"use client";
/**
 * The three stages that turn a text predictor into a chat model (the ChatGPT / InstructGPT
 * recipe): pre-training → supervised fine-tuning → RLHF (reward model, then PPO with a
 * KL penalty). Each stage is selectable and shows its data, its cost, the model it
 * produces and how that model answers "What is the capital of France?".
 */
import { useState } from "react";
import { LabelledText, StageBox, SvgButton, StepControls, mutedText } from "./ui";
import { figureText, useFigureText, type FigureText } from "./use-figure-text";
import trainingStagesEnglish from "./text/en/training-stages.json";

interface Stage {
  id: string;
  title: string;
  subtitle: string;
  result: string;
  data: string;
  task: string;
  cost: string;
  outcome: string;
  example: { reply: string; comment: string };
}

const stageIds = ["pre-training", "sft", "rlhf"];

function stagesIn(t: FigureText): Stage[] {
  return t.raw<Omit<Stage, "id">[]>("stages").map((stage, i) => ({ id: stageIds[i], ...stage }));
}

const english = figureText("training-stages", trainingStagesEnglish);
export const examplePrompt = english("prompt");
/** The three stages in English (components/figures/text/<locale>.json holds every language's). */
export const trainingStages = stagesIn(english);

const BOX_W = 250;
const BOX_H = 58;
const GAP = 36;

export default function TrainingStages({ initialStage = 0 }: { initialStage?: number }) {
  const [stage, setStage] = useState(initialStage);
  const t = useFigureText("training-stages", trainingStagesEnglish);
  const trainingStages = stagesIn(t);
  const current = trainingStages[stage];
  const height = trainingStages.length * (BOX_H + GAP) + 4;

  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-[minmax(0,18rem)_minmax(0,1fr)]">
        <svg viewBox={`0 0 330 ${height}`} className="w-full max-w-sm">
          {trainingStages.map((s, i) => {
            const y = 4 + i * (BOX_H + GAP);
            const selected = i === stage;
            return (
              <g key={s.id}>
                <SvgButton label={s.title} pressed={selected} onSelect={() => setStage(i)} testId={`training-stage-${i + 1}`}>
                  <StageBox y={y} width={BOX_W} height={BOX_H} selected={selected} />
                  <text x={18} y={y + 25} className="fill-current text-[15px] font-semibold">
                    {s.title}
                  </text>
                  <text x={18} y={y + 45} className={`fill-current text-[12px] ${mutedText}`}>
                    {s.subtitle}
                  </text>
                </SvgButton>
                {/* arrow down to the model this stage produces */}
                <g className="fill-slate-500 stroke-slate-500 dark:fill-slate-400 dark:stroke-slate-400">
                  <line x1={40} x2={40} y1={y + BOX_H} y2={y + BOX_H + GAP - 4} strokeWidth={2} />
                  <path d={`M 34 ${y + BOX_H + GAP - 10} L 40 ${y + BOX_H + GAP - 2} L 46 ${y + BOX_H + GAP - 10} z`} />
                </g>
                <text x={52} y={y + BOX_H + GAP / 2 + 5} className="fill-current text-[12px] font-semibold">
                  {i < trainingStages.length - 1 ? t("startingPoint", { result: s.result, next: i + 2 }) : t("finalResult", { result: s.result })}
                </text>
              </g>
            );
          })}
        </svg>

        <div aria-live="polite" data-testid="training-detail" className="space-y-2 text-sm">
          <p className="text-base font-semibold">{current.title}</p>
          <LabelledText label={t("data")}>{current.data}</LabelledText>
          <LabelledText label={t("task")}>{current.task}</LabelledText>
          <LabelledText label={t("cost")}>{current.cost}</LabelledText>
          <LabelledText label={t("result")}>{current.outcome}</LabelledText>
          <div className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
            <p className={mutedText}>{t("asked", { prompt: t("prompt"), result: current.result })}</p>
            <p className="mt-1 font-mono" data-testid="training-example">
              {current.example.reply}
            </p>
            <p className={`mt-1 text-xs ${mutedText}`}>{current.example.comment}</p>
          </div>
        </div>
      </div>
      <StepControls step={stage} count={trainingStages.length} onStep={setStage} unit="stage" />
    </div>
  );
}
