/** Pieces both recharts renderers share (imported only by the client components bar-chart and line-chart). */
import type { ReactNode } from "react";
import type { ChartDatum } from "./types";

/** What a value counts, singular and plural: ["learner", "learners"]. */
export type Units = readonly [one: string, many: string];

/** Fixed, so the server-rendered page keeps the chart's place before recharts measures and draws. */
export const CHART_HEIGHT = 220;

/**
 * Colours as CSS variables set by Tailwind classes on the wrapper, so recharts (which takes colours
 * as props) follows dark mode: marks, grid lines and the baseline; text is `currentColor`.
 */
export const COLOURS = {
  mark: "var(--chart-mark)",
  grid: "var(--chart-grid)",
  axis: "var(--chart-axis)",
  text: "currentColor",
} as const;

/** Axis tick labels: small, in the wrapper's text colour. */
export const TICK = { fill: COLOURS.text, fontSize: 11 } as const;

/** On every series and tooltip: no animation, the picture is there at once. */
export const STILL = { isAnimationActive: false } as const;

/** On both charts: the full width, a fixed height, recharts' keyboard layer off (see ChartImage). */
export const CHART_OPTIONS = {
  responsive: true,
  accessibilityLayer: false,
  style: { width: "100%", height: CHART_HEIGHT },
} as const;

/** The y axis: whole numbers from 0 (the charts count people), no line, ticks in the text colour. */
export const Y_AXIS = { allowDecimals: false, width: 32, tick: TICK, axisLine: false, tickLine: false } as const;

/**
 * The picture as one image, named and described by the frame's heading and summary. Recharts'
 * own accessibility layer (role="application", focusable, arrow keys move the tooltip) is turned
 * off: an interactive element inside an image is hidden from screen readers anyway, and every
 * number is in the frame's table.
 */
export function ChartImage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div
      role="img"
      aria-labelledby={`${id}-title ${id}-summary`}
      data-testid={`${id}-svg`}
      style={{ height: CHART_HEIGHT }}
      className="w-full text-slate-600 [--chart-axis:var(--color-slate-400)] [--chart-grid:var(--color-slate-200)] [--chart-mark:var(--color-indigo-500)] dark:text-slate-300 dark:[--chart-axis:var(--color-slate-600)] dark:[--chart-grid:var(--color-slate-800)] dark:[--chart-mark:var(--color-indigo-400)]"
    >
      {children}
    </div>
  );
}

/** "100%: 12 learners": what a tooltip says about one value. */
export function tooltipText(datum: ChartDatum, units: Units): string {
  return `${datum.label}: ${datum.value} ${datum.value === 1 ? units[0] : units[1]}`;
}

/**
 * Recharts' Tooltip `content`, given as an element (`<ValueTooltip units={…} />`): recharts clones
 * it with `active` and `payload`, whose first entry carries the hovered datum (the chart's own data
 * object). Shows "label: value units" in a small box (HTML, placed over the chart by recharts).
 */
export function ValueTooltip({ units, active, payload }: { units: Units; active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }> }) {
  const datum = active ? (payload?.[0]?.payload as ChartDatum | undefined) : undefined;
  if (!datum) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-2 py-1 text-xs text-slate-800 shadow-sm dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
      {tooltipText(datum, units)}
    </div>
  );
}
