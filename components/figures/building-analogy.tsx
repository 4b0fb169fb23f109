"use client";
/**
 * The building analogy, in four steps: the Transformer is the frame, an LLM a complete
 * building on such a frame, GPT one specific skyscraper, ChatGPT that skyscraper opened
 * to the public. Each step adds to the same drawing.
 */
import { useState } from "react";
import { ChoiceButtons, StepControls, mutedText } from "./ui";

export const analogySteps = [
  {
    term: "Transformer",
    analogy: "The frame",
    drawingLabel: ["the frame"],
    building:
      "A steel frame fixes a building's structure and shape, but no rooms have been designed yet and nobody can move in.",
    reality:
      "The Transformer is a neural-network architecture (Vaswani et al., 2017): layers of attention and feed-forward networks and the way they connect. On its own it has learned nothing.",
  },
  {
    term: "LLM",
    analogy: "A complete building on such a frame",
    drawingLabel: ["a complete building", "on such a frame"],
    building: "Add floors, rooms, lifts and fittings and the frame becomes a building that can actually be used.",
    reality:
      "A large language model is a Transformer-based model trained on massive amounts of text, so that it understands and generates language. Many different LLMs share the same kind of frame.",
  },
  {
    term: "GPT",
    analogy: "One specific skyscraper",
    drawingLabel: ["one specific", "skyscraper"],
    building: "A particular skyscraper, designed and optimised in its own way for its own purposes.",
    reality:
      "GPT is one family of LLMs (OpenAI's Generative Pre-trained Transformers): large-scale pre-training to predict the next token, optimised for fluent text generation and language understanding.",
  },
  {
    term: "ChatGPT",
    analogy: "That skyscraper, opened to the public",
    drawingLabel: ["that skyscraper,", "opened to the public"],
    building: "The doors open, there is a front desk, and anyone can walk in and use the building.",
    reality:
      "ChatGPT is a product: GPT models fine-tuned for dialogue, behind a chat app that anyone can use. It is not a new architecture or a new kind of model.",
  },
] as const;

// Building geometry (the same frame in every step).
const LEFT = 170;
const WIDTH = 120;
const GROUND = 250;
const FLOORS = 7;
const FLOOR_H = 26;
const TOP = GROUND - FLOORS * FLOOR_H;
const COLUMNS = 4;

function Building({ step }: { step: number }) {
  const frameClass = step === 0 ? "stroke-orange-600 dark:stroke-orange-400" : "stroke-slate-500 dark:stroke-slate-400";
  return (
    <g>
      {/* walls and floors (LLM and after) */}
      {step >= 1 && <rect x={LEFT} y={TOP} width={WIDTH} height={FLOORS * FLOOR_H} className="fill-sky-100 dark:fill-sky-900" />}
      {step >= 1 &&
        Array.from({ length: FLOORS - 1 }, (_, f) =>
          Array.from({ length: COLUMNS - 1 }, (_, c) => (
            <rect
              key={`w${f}-${c}`}
              x={LEFT + c * (WIDTH / (COLUMNS - 1)) + 12}
              y={TOP + f * FLOOR_H + 7}
              width={WIDTH / (COLUMNS - 1) - 24}
              height={FLOOR_H - 12}
              className="fill-sky-300 dark:fill-sky-600"
            />
          )),
        )}
      {/* lift shaft */}
      {step >= 1 && (
        <rect x={LEFT + WIDTH - 10} y={TOP + 4} width={6} height={FLOORS * FLOOR_H - 8} className="fill-slate-400 dark:fill-slate-500" />
      )}

      {/* the frame: columns and floor beams */}
      {Array.from({ length: COLUMNS }, (_, c) => (
        <line
          key={`c${c}`}
          x1={LEFT + (c * WIDTH) / (COLUMNS - 1)}
          x2={LEFT + (c * WIDTH) / (COLUMNS - 1)}
          y1={TOP}
          y2={GROUND}
          className={`${frameClass} stroke-2`}
        />
      ))}
      {Array.from({ length: FLOORS + 1 }, (_, f) => (
        <line key={`f${f}`} x1={LEFT} x2={LEFT + WIDTH} y1={TOP + f * FLOOR_H} y2={TOP + f * FLOOR_H} className={`${frameClass} stroke-2`} />
      ))}
      {step === 0 &&
        Array.from({ length: FLOORS }, (_, f) => (
          <line
            key={`x${f}`}
            x1={LEFT}
            x2={LEFT + WIDTH / (COLUMNS - 1)}
            y1={TOP + f * FLOOR_H}
            y2={TOP + (f + 1) * FLOOR_H}
            className={`${frameClass} stroke-1`}
          />
        ))}

      {/* GPT: its own crown, spire and name */}
      {step >= 2 && (
        <g>
          <path
            d={`M ${LEFT + 10} ${TOP} L ${LEFT + WIDTH / 2} ${TOP - 30} L ${LEFT + WIDTH - 10} ${TOP} z`}
            className="fill-indigo-300 stroke-indigo-700 dark:fill-indigo-700 dark:stroke-indigo-300"
          />
          <line x1={LEFT + WIDTH / 2} x2={LEFT + WIDTH / 2} y1={TOP - 30} y2={TOP - 58} className="stroke-indigo-700 stroke-2 dark:stroke-indigo-300" />
          <rect x={LEFT + WIDTH / 2 - 24} y={TOP - 24} width={48} height={16} rx={3} className="fill-white dark:fill-slate-900" />
          <text x={LEFT + WIDTH / 2} y={TOP - 12} textAnchor="middle" className="fill-current text-[11px] font-bold">
            GPT
          </text>
        </g>
      )}

      {/* ChatGPT: open doors, a sign, visitors */}
      {step >= 3 && (
        <g>
          <rect x={LEFT + WIDTH / 2 - 14} y={GROUND - 22} width={28} height={22} className="fill-amber-200 dark:fill-amber-700" />
          <rect x={LEFT + WIDTH / 2 - 34} y={GROUND - 44} width={68} height={16} rx={3} className="fill-emerald-600 dark:fill-emerald-500" />
          <text x={LEFT + WIDTH / 2} y={GROUND - 32} textAnchor="middle" className="fill-white text-[10px] font-bold dark:fill-slate-950">
            OPEN · ChatGPT
          </text>
          {[LEFT - 40, LEFT - 22, LEFT - 4, LEFT + WIDTH + 16].map((x, i) => (
            <g key={i} className="fill-slate-700 dark:fill-slate-200">
              <circle cx={x} cy={GROUND - 22} r={4} />
              <rect x={x - 4} y={GROUND - 17} width={8} height={17} rx={3} />
            </g>
          ))}
        </g>
      )}
      <line x1={20} x2={340} y1={GROUND} y2={GROUND} className="stroke-slate-500 stroke-2 dark:stroke-slate-400" />
    </g>
  );
}

export default function BuildingAnalogy({ initialStep = 0 }: { initialStep?: number }) {
  const [step, setStep] = useState(initialStep);
  const current = analogySteps[step];
  return (
    <div className="space-y-4">
      <ChoiceButtons
        label="Step"
        value={step}
        onChange={setStep}
        options={analogySteps.map((s, i) => ({ value: i, label: `${i + 1}. ${s.term}` }))}
      />
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] sm:items-center">
        <svg viewBox="0 0 360 262" className="w-full" role="img" aria-label={`${current.term}: ${current.analogy}. ${current.building}`}>
          <text x={14} y={34} className="fill-current text-[18px] font-bold">
            {current.term}
          </text>
          {current.drawingLabel.map((line, i) => (
            <text key={i} x={14} y={56 + i * 16} className={`fill-current text-[12px] ${mutedText}`}>
              {i === 0 ? `= ${line}` : line}
            </text>
          ))}
          <Building step={step} />
        </svg>
        <div aria-live="polite" data-testid="analogy-text" className="space-y-2">
          <p className="font-semibold">
            {current.term} = {current.analogy.charAt(0).toLowerCase() + current.analogy.slice(1)}
          </p>
          <p className="text-sm">
            <span className="font-medium">In the analogy: </span>
            {current.building}
          </p>
          <p className="text-sm">
            <span className="font-medium">In reality: </span>
            {current.reality}
          </p>
        </div>
      </div>
      <StepControls step={step} count={analogySteps.length} onStep={setStep} />
    </div>
  );
}
