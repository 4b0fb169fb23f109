import { niceTicks, type ChartDatum } from "./types";

const W = 560;
const H = 220;
const M = { top: 16, right: 12, bottom: 36, left: 36 };

/**
 * A value over time (one point per label, in order) as an SVG line with a shaded area; x-axis
 * labels every `labelEvery` points. No client JavaScript; each point has a tooltip.
 */
export function LineChart({
  id,
  data,
  units,
  labelEvery = 7,
  formatLabel = (label: string) => label,
}: {
  id: string;
  data: readonly ChartDatum[];
  /** What a value counts, singular and plural: ["learner", "learners"]. */
  units: readonly [one: string, many: string];
  labelEvery?: number;
  formatLabel?: (label: string) => string;
}) {
  const max = Math.max(0, ...data.map((d) => d.value));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1] || 1;
  const innerW = W - M.left - M.right;
  const innerH = H - M.top - M.bottom;
  const x = (i: number) => M.left + (data.length <= 1 ? innerW / 2 : (i / (data.length - 1)) * innerW);
  const y = (v: number) => M.top + innerH - (v / top) * innerH;
  const line = data.map((d, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(d.value).toFixed(1)}`).join(" ");
  const area = data.length ? `${line} L${x(data.length - 1).toFixed(1)},${y(0)} L${x(0).toFixed(1)},${y(0)} Z` : "";
  // Label the last point, and every `labelEvery`-th point counting back from it.
  const labelled = (i: number) => (data.length - 1 - i) % labelEvery === 0;

  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-summary`} className="h-auto w-full" data-testid={`${id}-svg`}>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="stroke-slate-200 dark:stroke-slate-800" />
          <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end" className="fill-slate-500 text-[11px] dark:fill-slate-400">{t}</text>
        </g>
      ))}
      <path d={area} className="fill-indigo-500/15 dark:fill-indigo-400/20" />
      <path d={line} fill="none" strokeWidth={2} strokeLinejoin="round" className="stroke-indigo-600 dark:stroke-indigo-400" />
      {data.map((d, i) => (
        <g key={d.label}>
          <circle cx={x(i)} cy={y(d.value)} r={d.value > 0 ? 3 : 2} className={d.value > 0 ? "fill-indigo-600 dark:fill-indigo-400" : "fill-slate-300 dark:fill-slate-600"}>
            <title>{`${formatLabel(d.label)}: ${d.value} ${d.value === 1 ? units[0] : units[1]}`}</title>
          </circle>
          {labelled(i) && (
            <text x={x(i)} y={H - M.bottom + 16} textAnchor={i === data.length - 1 && data.length > 1 ? "end" : "middle"} className="fill-slate-600 text-[11px] dark:fill-slate-300">{formatLabel(d.label)}</text>
          )}
        </g>
      ))}
      <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} className="stroke-slate-400 dark:stroke-slate-600" />
    </svg>
  );
}
