"use client";
/**
 * The building analogy, in four steps: the Transformer is the frame, an LLM a complete
 * building on such a frame, GPT one specific skyscraper, ChatGPT that skyscraper opened
 * to the public. Each step adds to the same drawing.
 */
import { useState } from "react";
import { ChoiceButtons, LabelledText, StepControls, mutedText } from "./ui";
import { figureText, useFigureText, type FigureText } from "./use-figure-text";
import buildingAnalogyEnglish from "./text/en/building-analogy.json";
import uiEnglish from "./text/en/ui.json";

const stepIds = ["transformer", "llm", "gpt", "chatgpt"] as const;

function stepsIn(t: FigureText) {
  return stepIds.map((id) => {
    const say = (key: string) => t(`steps.${id}.${key}`);
    return {
      term: say("term"),
      analogy: say("analogy"),
      analogyInline: say("analogyInline"),
      drawingLabel: [say("drawing1"), say("drawing2")].filter(Boolean),
      building: say("building"),
      reality: say("reality"),
    };
  });
}

/** The four steps in English. */
export const analogySteps = stepsIn(figureText("building-analogy", buildingAnalogyEnglish));

// Building geometry (the same frame in every step).
const LEFT = 170;
const WIDTH = 120;
const GROUND = 250;
const FLOORS = 7;
const FLOOR_H = 26;
const TOP = GROUND - FLOORS * FLOOR_H;
const COLUMNS = 4;

function Building({ step, openSign }: { step: number; openSign: string }) {
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
            {openSign}
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
  const t = useFigureText("building-analogy", buildingAnalogyEnglish);
  const ui = useFigureText("ui", uiEnglish);
  const steps = stepsIn(t);
  const current = steps[step];
  return (
    <div className="space-y-4">
      <ChoiceButtons
        label={ui("step")}
        value={step}
        onChange={setStep}
        options={steps.map((s, i) => ({ value: i, label: `${i + 1}. ${s.term}` }))}
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
          <Building step={step} openSign={t("openSign")} />
        </svg>
        <div aria-live="polite" data-testid="analogy-text" className="space-y-2">
          <p className="font-semibold">
            {current.term} = {current.analogyInline}
          </p>
          <LabelledText label={t("inAnalogy")} className="text-sm">{current.building}</LabelledText>
          <LabelledText label={t("inReality")} className="text-sm">{current.reality}</LabelledText>
        </div>
      </div>
      <StepControls step={step} count={steps.length} onStep={setStep} />
    </div>
  );
}
