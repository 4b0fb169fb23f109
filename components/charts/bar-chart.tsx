"use client";

import { Bar, CartesianGrid, LabelList, BarChart as RechartsBarChart, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_OPTIONS, COLOURS, ChartImage, STILL, TICK, Y_AXIS, ValueTooltip, type Units } from "./chart-parts";
import type { ChartDatum } from "./types";

/**
 * Vertical bars, one per category: recharts' BarChart, drawn in the browser. The picture is an
 * image described by the frame's title and summary; each bar has a tooltip with its value, and
 * non-zero values are written above their bars.
 */
export function BarChart({ id, data, units }: { id: string; data: readonly ChartDatum[]; units: Units }) {
  return (
    <ChartImage id={id}>
      <RechartsBarChart data={data} margin={{ top: 20, right: 8, bottom: 4, left: 0 }} {...CHART_OPTIONS}>
        <CartesianGrid vertical={false} stroke={COLOURS.grid} />
        <XAxis dataKey="label" interval={0} tick={TICK} tickLine={false} stroke={COLOURS.axis} />
        <YAxis {...Y_AXIS} />
        <Tooltip content={<ValueTooltip units={units} />} cursor={{ fill: COLOURS.text, fillOpacity: 0.08 }} {...STILL} />
        <Bar dataKey="value" fill={COLOURS.mark} radius={[3, 3, 0, 0]} maxBarSize={56} {...STILL}>
          <LabelList dataKey="value" position="top" fill={COLOURS.text} fontSize={11} formatter={(value) => (value === 0 ? null : value)} />
        </Bar>
      </RechartsBarChart>
    </ChartImage>
  );
}
