/**
 * The data every chart takes: a list of labelled values. Kept independent of how the chart is
 * drawn, so the drawing (hand-made SVG today) can be replaced by a chart library without
 * touching the pages: see README.md.
 */
export interface ChartDatum {
  /** Category or x-axis label ("0%", "2026-03-04"). */
  label: string;
  value: number;
}

/**
 * Round y-axis ticks from 0 to at least `max`: about `count` steps of 1, 2 or 5 × 10^k, never
 * smaller than 1 (the charts count learners).
 */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude);
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top + 1e-9; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}
