import { niceTicks, type ChartDatum } from "./types";

const W = 560;
const H = 220;
const M = { top: 16, right: 8, bottom: 36, left: 36 };

/**
 * Vertical bars, one per category, drawn as SVG (no client JavaScript). The SVG is an image
 * described by the frame's title and summary; each bar has a tooltip with its value.
 */
export function BarChart({ id, data, units }: { id: string; data: readonly ChartDatum[]; units: readonly [one: string, many: string] }) {
  const max = Math.max(0, ...data.map((d) => d.value));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1] || 1;
  const innerW = W - M.left - M.right;
  const innerH = H - M.top - M.bottom;
  const band = innerW / Math.max(1, data.length);
  const barW = Math.min(56, band * 0.7);
  const y = (v: number) => M.top + innerH - (v / top) * innerH;

  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-summary`} className="h-auto w-full" data-testid={`${id}-svg`}>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="stroke-slate-200 dark:stroke-slate-800" />
          <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end" className="fill-slate-500 text-[11px] dark:fill-slate-400">{t}</text>
        </g>
      ))}
      {data.map((d, i) => {
        const x = M.left + i * band + (band - barW) / 2;
        const h = Math.max(0, y(0) - y(d.value));
        return (
          <g key={d.label}>
            <rect x={x} y={y(d.value)} width={barW} height={h} rx={3} className="fill-indigo-500 dark:fill-indigo-400">
              <title>{`${d.label}: ${d.value} ${d.value === 1 ? units[0] : units[1]}`}</title>
            </rect>
            {d.value > 0 && (
              <text x={x + barW / 2} y={y(d.value) - 4} textAnchor="middle" className="fill-slate-700 text-[11px] font-medium dark:fill-slate-200">{d.value}</text>
            )}
            <text x={x + barW / 2} y={H - M.bottom + 16} textAnchor="middle" className="fill-slate-600 text-[11px] dark:fill-slate-300">{d.label}</text>
          </g>
        );
      })}
      <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} className="stroke-slate-400 dark:stroke-slate-600" />
    </svg>
  );
}
