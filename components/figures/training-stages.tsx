"use client";
/**
 * The three stages that turn a text predictor into a chat model (the ChatGPT / InstructGPT
 * recipe): pre-training → supervised fine-tuning → RLHF (reward model, then PPO with a
 * KL penalty). Each stage is selectable and shows its data, its cost, the model it
 * produces and how that model answers "What is the capital of France?".
 */
import { useState } from "react";
import { SvgButton, StepControls, mutedText } from "./ui";

export const examplePrompt = "What is the capital of France?";

export const trainingStages = [
  {
    id: "pre-training",
    title: "1. Pre-training",
    subtitle: "self-supervised, next token",
    result: "base model",
    data: "Huge amounts of unlabelled text (web pages, books, code): hundreds of billions to trillions of tokens. GPT-3, for example, was trained on about 300 billion tokens.",
    task: "Predict the next token, again and again. The text is its own answer key, so no human labels are needed.",
    cost: "By far the most expensive stage: thousands of GPUs running for weeks or months, costing millions of dollars for a large model.",
    outcome:
      "A base model that has learned grammar, facts, styles and patterns of text. It continues text; it does not answer questions.",
    example: {
      reply: "What is the capital of England? What is the capital of Germany? What is the capital of Italy?",
      comment: "Lists of quiz questions are common on the web, so continuing the list is a perfectly good prediction.",
    },
  },
  {
    id: "sft",
    title: "2. Supervised fine-tuning",
    subtitle: "human-written demonstrations",
    result: "SFT model",
    data: "High-quality examples written by people: a prompt and the answer we want. On the order of ten thousand examples (InstructGPT used about 13,000 prompts), a tiny fraction of the pre-training data.",
    task: "The same next-token prediction, but on the demonstrations, with the loss counted only on the answer's tokens.",
    cost: "Small next to pre-training: far fewer GPU hours. The expensive part is paying skilled people to write good answers.",
    outcome: "The SFT model, which follows instructions and answers questions much better.",
    example: {
      reply: "The capital of France is Paris.",
      comment: "It has learned the format of an answer from the demonstrations.",
    },
  },
  {
    id: "rlhf",
    title: "3. RLHF",
    subtitle: "reward model, then PPO",
    result: "chat model",
    data: "Human rankings: the SFT model writes several answers per prompt and labellers order them from best to worst (InstructGPT: 4 to 9 answers for each of about 33,000 prompts). Then prompts alone, without answers, for the reinforcement-learning step.",
    task: "a) Train a reward model on the rankings, so it gives preferred answers higher scores. b) Reinforcement learning (PPO in InstructGPT): the model answers prompts, the reward model scores the answers, and the model is updated towards higher scores, with a KL penalty for drifting too far from the SFT model.",
    cost: "Moderate compute, but the rankings take many hours of human work, and the RL step keeps several models in memory at once (the model being trained, the frozen SFT copy for the penalty, the reward model).",
    outcome:
      "The final chat model, whose answers labellers preferred most of the time (InstructGPT's 1.3-billion-parameter model was even preferred over the 175-billion GPT-3). It was somewhat more truthful and somewhat less toxic, showed no clear change in bias, and still makes things up.",
    example: {
      reply: "The capital of France is Paris, which is also its largest city.",
      comment:
        "Labellers ranked answers like “Paris, which is also its largest city” above a bare “Paris.” and far above “I think it is Lyon.”; the reward model learned those preferences and PPO pushed the model towards them.",
    },
  },
] as const;

const BOX_W = 250;
const BOX_H = 58;
const GAP = 36;

export default function TrainingStages({ initialStage = 0 }: { initialStage?: number }) {
  const [stage, setStage] = useState(initialStage);
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
                  <rect
                    x={4}
                    y={y}
                    width={BOX_W}
                    height={BOX_H}
                    rx={10}
                    className={
                      selected
                        ? "fill-sky-100 stroke-orange-600 stroke-[3] dark:fill-sky-900 dark:stroke-orange-400"
                        : "fill-slate-100 stroke-slate-400 dark:fill-slate-800 dark:stroke-slate-500"
                    }
                  />
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
                  {i < trainingStages.length - 1 ? `${s.result}, the starting point of step ${i + 2}` : `the ${s.result}`}
                </text>
              </g>
            );
          })}
        </svg>

        <div aria-live="polite" data-testid="training-detail" className="space-y-2 text-sm">
          <p className="text-base font-semibold">{current.title}</p>
          <p>
            <span className="font-medium">Data: </span>
            {current.data}
          </p>
          <p>
            <span className="font-medium">What it learns to do: </span>
            {current.task}
          </p>
          <p>
            <span className="font-medium">Cost: </span>
            {current.cost}
          </p>
          <p>
            <span className="font-medium">Result: </span>
            {current.outcome}
          </p>
          <div className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
            <p className={mutedText}>Asked “{examplePrompt}”, the {current.result} replies:</p>
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
