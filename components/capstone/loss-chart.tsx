"use client";
/**
 * Training and validation loss per evaluation point, with the bigram baseline dashed: a plain SVG
 * drawn from the points. Not recharts (components/charts): redrawing a recharts chart while the
 * model trains was the page's one main-thread long task (bench/capstone-browser.ts).
 */
import { memo } from "react";
import { useTranslations } from "next-intl";
import type { CurvePoint } from "@/lib/capstone/worker/protocol";

type Props = { curve: readonly CurvePoint[]; baseline: number };

const [W, H, PAD] = [640, 220, 36];

function LossChartDrawing({ curve, baseline }: Props) {
  const t = useTranslations("capstone");
  const last = curve.at(-1);
  const maxStep = Math.max(1, last?.step ?? 1);
  const top = Math.max(baseline, ...curve.flatMap((p) => [p.train, p.validation])) * 1.05;
  const x = (step: number) => PAD + ((W - 2 * PAD) * step) / maxStep;
  const y = (loss: number) => H - PAD + (-(H - 2 * PAD) * loss) / top;
  const path = (pick: (p: CurvePoint) => number) => curve.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.step).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(" ");
  const ticks = [0, top / 4, top / 2, (3 * top) / 4];
  return (
    <figure>
      <h3 className="text-sm font-semibold">{t("lossTitle")}</h3>
      <svg viewBox={`0 0 ${W} ${H}`} className="mt-2 w-full text-slate-500 dark:text-slate-400" role="img" aria-label={last ? t("lossSummary", { step: last.step, train: last.train.toFixed(3), validation: last.validation.toFixed(3), baseline: baseline.toFixed(3) }) : t("lossNoPoints")} data-testid="loss-chart">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD} x2={W - PAD} y1={y(t)} y2={y(t)} stroke="currentColor" strokeOpacity={0.2} />
            <text x={PAD - 4} y={y(t) + 4} textAnchor="end" fontSize={11} fill="currentColor">{t.toFixed(1)}</text>
          </g>
        ))}
        <line x1={PAD} x2={W - PAD} y1={y(baseline)} y2={y(baseline)} stroke="currentColor" strokeDasharray="4 4" />
        <text x={W - PAD} y={y(baseline) - 4} textAnchor="end" fontSize={11} fill="currentColor">{t("lossBigram", { baseline: baseline.toFixed(2) })}</text>
        <path d={path((p) => p.train)} fill="none" stroke="var(--color-indigo-500)" strokeWidth={2} />
        <path d={path((p) => p.validation)} fill="none" stroke="var(--color-amber-500)" strokeWidth={2} />
        <text x={PAD} y={H - 8} fontSize={11} fill="currentColor">{t("lossStep", { step: 0 })}</text>
        <text x={W - PAD} y={H - 8} textAnchor="end" fontSize={11} fill="currentColor">{t("lossStep", { step: last?.step ?? 0 })}</text>
      </svg>
      <figcaption className="text-xs text-slate-500 dark:text-slate-400">
        <span className="text-indigo-600 dark:text-indigo-400">{t("lossTraining")}</span> · <span className="text-amber-600 dark:text-amber-400">{t("lossValidation")}</span> · {t("lossDashed")}
      </figcaption>
    </figure>
  );
}

/** Redrawn only when a point is added (the worker sends a fresh copy of the run twice a second). */
export const LossChart = memo(LossChartDrawing, (a: Props, b: Props) => a.curve.length === b.curve.length && a.curve.at(-1)?.step === b.curve.at(-1)?.step && a.baseline === b.baseline);
