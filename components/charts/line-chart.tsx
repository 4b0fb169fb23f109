"use client";

import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_OPTIONS, COLOURS, ChartImage, STILL, TICK, Y_AXIS, ValueTooltip, type Units } from "./chart-parts";
import type { ChartDatum } from "./types";

/**
 * The points that get an x-axis label, in order: the last one, and every `every`-th counting back
 * from it (so the newest day is always labelled).
 */
export function labelledIndexes(count: number, every: number): number[] {
  const step = Math.max(1, Math.floor(every));
  const indexes: number[] = [];
  for (let i = count - 1; i >= 0; i -= step) indexes.unshift(i);
  return indexes;
}

/**
 * A value over time (one point per datum, in order, labels already formatted for display) as
 * recharts' AreaChart: a line with a shaded area, drawn in the browser. X-axis labels every
 * `labelEvery` points ending on the last; each point has a tooltip with its value.
 */
export function LineChart({ id, data, units, labelEvery = 7 }: { id: string; data: readonly ChartDatum[]; units: Units; labelEvery?: number }) {
  // The x axis runs over positions, not labels, so two equal labels stay two points.
  const points = data.map((d, i) => ({ ...d, i }));
  return (
    <ChartImage id={id}>
      <AreaChart data={points} margin={{ top: 16, right: 20, bottom: 4, left: 0 }} {...CHART_OPTIONS}>
        <CartesianGrid vertical={false} stroke={COLOURS.grid} />
        <XAxis
          dataKey="i"
          ticks={labelledIndexes(data.length, labelEvery)}
          interval={0}
          tickFormatter={(i: number) => data[i]?.label ?? ""}
          tick={TICK}
          tickLine={false}
          stroke={COLOURS.axis}
        />
        <YAxis {...Y_AXIS} />
        <Tooltip content={<ValueTooltip units={units} />} cursor={{ stroke: COLOURS.axis }} {...STILL} />
        <Area
          type="linear"
          dataKey="value"
          stroke={COLOURS.mark}
          strokeWidth={2}
          fill={COLOURS.mark}
          fillOpacity={0.15}
          dot={{ r: 3, fill: COLOURS.mark, strokeWidth: 0 }}
          activeDot={{ r: 5, fill: COLOURS.mark }}
          {...STILL}
        />
      </AreaChart>
    </ChartImage>
  );
}
