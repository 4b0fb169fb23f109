"use client";
/**
 * Gradient descent, live: a line y = w·x + b is fitted to twelve points, one step every
 * 40 ms, at the learning rate the reader picks. Left, the points and the current line;
 * right, the loss after every step on a log scale. Too small a rate crawls, a good one
 * converges in a few steps, one past the stability limit (about 1 here) diverges.
 */
import { useEffect, useRef, useState } from "react";
import { type LineParams, loss, points, stableLearningRateLimit, step, verdict } from "./math/gradient-descent";
import { LabelledSlider, buttonClass, mutedText } from "./ui";
import { figureText, useFigureText, type FigureText } from "./use-figure-text";
import gradientDescentEnglish from "./text/en/gradient-descent.json";

export const STEPS = 50;
const START: LineParams = { w: 0, b: 0 };
/** Slider positions map to learning rates on a log scale from 0.005 to 1.5. */
const LOG_MIN = Math.log10(0.005);
const LOG_MAX = Math.log10(1.5);
const english = figureText("gradient-descent", gradientDescentEnglish);

function presetsIn(t: FigureText) {
  return [
    { label: t("presets.small"), rate: 0.01 },
    { label: t("presets.right"), rate: 0.5 },
    { label: t("presets.large"), rate: 1.2 },
  ];
}

/** The preset learning rates, with their English labels. */
export const presets = presetsIn(english);
export function formatRate(rate: number): string {
  return rate >= 0.1 ? rate.toFixed(2) : rate.toPrecision(2);
}

/** The sentence under the plots, once a run has finished. */
export function describeRun(rate: number, losses: readonly number[], t: FigureText = english): string {
  const first = losses[0];
  const last = losses[losses.length - 1];
  const steps = losses.length - 1;
  switch (verdict(losses)) {
    case "diverging":
      return t("diverging", {
        rate: formatRate(rate),
        first: first.toFixed(2),
        last: Number.isFinite(last) ? last.toExponential(1) : t("infinity"),
        steps,
        limit: formatRate(stableLearningRateLimit()),
      });
    case "slow":
      return t("slow", { rate: formatRate(rate), first: first.toFixed(2), last: last.toFixed(3), steps });
    default:
      return t("converged", { rate: formatRate(rate), first: first.toFixed(2), last: last.toFixed(3), steps });
  }
}

export default function GradientDescent({ initialRate = 0.5 }: { initialRate?: number }) {
  const [rate, setRate] = useState(initialRate);
  const t = useFigureText("gradient-descent", gradientDescentEnglish);
  const [params, setParams] = useState(START);
  const [losses, setLosses] = useState<number[]>([loss(START)]);
  const [running, setRunning] = useState(false);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const stop = () => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
    setRunning(false);
  };
  useEffect(() => stop, []);

  function train(atRate = rate) {
    stop();
    let current = START;
    const curve = [loss(START)];
    setParams(START);
    setLosses(curve);
    setRunning(true);
    timer.current = setInterval(() => {
      current = step(current, atRate);
      curve.push(loss(current));
      setParams(current);
      setLosses([...curve]);
      if (curve.length > STEPS || !Number.isFinite(curve[curve.length - 1])) stop();
    }, 40);
  }

  const finished = !running && losses.length > 1;
  const w = 200;
  const h = 150;
  // Left plot: x in [-1.2, 1.2], y in [-2, 4].
  const px = (x: number) => ((x + 1.2) / 2.4) * w;
  const py = (y: number) => h - ((y + 2) / 6) * h;
  const lineY = (x: number) => Math.max(-50, Math.min(50, params.w * x + params.b));
  // Right plot: step 0..STEPS, log10(loss) clipped to [-2, 3].
  const lx = (i: number) => (i / STEPS) * w;
  const ly = (l: number) => h - ((Math.max(-2, Math.min(3, Math.log10(Math.max(l, 1e-9)))) + 2) / 5) * h;
  const curvePath = losses.map((l, i) => `${i === 0 ? "M" : "L"}${lx(i).toFixed(1)},${ly(l).toFixed(1)}`).join(" ");
  const sliderValue = Math.log10(rate);

  return (
    <div className="space-y-4">
      <LabelledSlider
        label={t("learningRate")}
        range={{ min: LOG_MIN, max: LOG_MAX, step: 0.01 }}
        value={sliderValue}
        valueText={t("learningRateValue", { rate: formatRate(rate) })}
        onChange={(log) => setRate(Number((10 ** log).toPrecision(2)))}
        readout={formatRate(rate)}
        readoutTestId="learning-rate-value"
      />
      <div className="flex flex-wrap gap-2">
        {presetsIn(t).map((preset) => (
          <button
            key={preset.rate}
            type="button"
            className={buttonClass(rate === preset.rate)}
            aria-pressed={rate === preset.rate}
            onClick={() => {
              setRate(preset.rate);
              train(preset.rate);
            }}
          >
            {preset.label}
          </button>
        ))}
        <button type="button" className={buttonClass()} onClick={() => train()} data-testid="train-button">
          {running ? t("restart") : t("train", { steps: STEPS })}
        </button>
      </div>

      <div className="flex flex-wrap gap-6">
        <svg viewBox={`0 0 ${w} ${h}`} className="w-full max-w-[16rem]" role="img" aria-label={t("pointsLabel", { w: params.w.toFixed(2), b: params.b.toFixed(2) })}>
          <rect x={0} y={0} width={w} height={h} className="fill-slate-50 dark:fill-slate-900" />
          {points.map((p, i) => (
            <circle key={i} cx={px(p.x)} cy={py(p.y)} r={3} className="fill-slate-700 dark:fill-slate-300" />
          ))}
          <line x1={px(-1.2)} y1={py(lineY(-1.2))} x2={px(1.2)} y2={py(lineY(1.2))} strokeWidth={2} className="stroke-sky-700 dark:stroke-sky-400" />
          <text x={4} y={12} className={`fill-current text-[10px] ${mutedText}`}>
            y = {params.w.toFixed(2)}x + {params.b.toFixed(2)}
          </text>
        </svg>
        <svg viewBox={`0 0 ${w} ${h}`} className="w-full max-w-[16rem]" role="img" aria-label={t("lossLabel", { steps: losses.length - 1, first: losses[0].toFixed(2), last: losses[losses.length - 1].toPrecision(3) })}>
          <rect x={0} y={0} width={w} height={h} className="fill-slate-50 dark:fill-slate-900" />
          <path d={curvePath} fill="none" strokeWidth={2} className="stroke-rose-700 dark:stroke-rose-400" data-testid="loss-curve" />
          <text x={4} y={12} className={`fill-current text-[10px] ${mutedText}`}>
            {t("lossAxis", { step: losses.length - 1, total: STEPS })}
          </text>
        </svg>
      </div>

      <p aria-live="polite" data-testid="gradient-descent-explanation">
        {finished ? describeRun(rate, losses, t) : running ? t("training", { loss: losses[losses.length - 1].toPrecision(3) }) : t("start")}
      </p>
    </div>
  );
}
