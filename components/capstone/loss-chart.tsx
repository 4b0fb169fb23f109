"use client";
/** Training and validation loss per evaluation point, with the bigram baseline as a dashed line. */
import { memo } from "react";
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_OPTIONS, COLOURS, ChartImage, STILL, TICK } from "@/components/charts/chart-parts";
import type { CurvePoint } from "@/lib/capstone/worker/protocol";

type Props = { curve: readonly CurvePoint[]; baseline: number };

/**
 * Redrawn only when a point is added: the worker sends a fresh copy of the run several times a
 * second, and redrawing the chart each time made main-thread long tasks.
 */
export const LossChart = memo(LossChartDrawing, (a: Props, b: Props) => a.curve.length === b.curve.length && a.curve.at(-1)?.step === b.curve.at(-1)?.step && a.baseline === b.baseline);

function LossChartDrawing({ curve, baseline }: Props) {
  return (
    <figure>
      <h3 id="loss-chart-title" className="text-sm font-semibold">Loss (nats per character)</h3>
      <p id="loss-chart-summary" className="sr-only">
        {curve.length === 0 ? "No points yet." : `Step ${curve.at(-1)!.step}: training ${curve.at(-1)!.train.toFixed(3)}, validation ${curve.at(-1)!.validation.toFixed(3)}; bigram baseline ${baseline.toFixed(3)}.`}
      </p>
      <ChartImage id="loss-chart">
        <LineChart data={[...curve]} margin={{ top: 16, right: 20, bottom: 4, left: 0 }} {...CHART_OPTIONS}>
          <CartesianGrid vertical={false} stroke={COLOURS.grid} />
          <XAxis dataKey="step" type="number" domain={["dataMin", "dataMax"]} tick={TICK} stroke={COLOURS.axis} />
          <YAxis width={40} tick={TICK} axisLine={false} tickLine={false} domain={[0, "auto"]} tickFormatter={(v: number) => v.toFixed(1)} />
          <Tooltip formatter={(v) => (typeof v === "number" ? v.toFixed(3) : String(v))} {...STILL} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <ReferenceLine y={baseline} stroke={COLOURS.axis} strokeDasharray="4 4" label={{ value: "bigram", fontSize: 11, fill: "currentColor", position: "insideTopRight" }} />
          <Line name="training" dataKey="train" stroke={COLOURS.mark} strokeWidth={2} dot={false} {...STILL} />
          <Line name="validation" dataKey="validation" stroke="var(--color-amber-500)" strokeWidth={2} dot={false} {...STILL} />
        </LineChart>
      </ChartImage>
    </figure>
  );
}
