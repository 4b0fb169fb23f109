import type { ReactNode } from "react";
import type { ChartDatum } from "./types";

/**
 * A chart with its accessible alternatives: a heading, a one-sentence summary (also the SVG's
 * description), the picture, and the same data as a table (collapsed, one click away; always in
 * the page for screen readers and search). The picture is `children`: any renderer fits.
 */
export function ChartFrame({
  id,
  title,
  summary,
  data,
  labelHeader,
  valueHeader,
  tableToggle,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  data: readonly ChartDatum[];
  labelHeader: string;
  valueHeader: string;
  /** The words of the button that opens the table ("Show the data as a table"), in the page's language. */
  tableToggle: string;
  children: ReactNode;
}) {
  return (
    <figure aria-labelledby={`${id}-title`} className="rounded-xl border border-slate-200 p-5 dark:border-slate-800" data-testid={`chart-${id}`}>
      <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-700 dark:text-slate-200">{title}</h3>
      <p id={`${id}-summary`} className="mt-1 text-sm text-slate-600 dark:text-slate-300">{summary}</p>
      <div className="mt-4">{children}</div>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-indigo-700 hover:underline dark:text-indigo-300">{tableToggle}</summary>
        <table className="mt-2 w-full max-w-sm text-left">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              <th scope="col" className="py-1 pr-4 font-medium">{labelHeader}</th>
              <th scope="col" className="py-1 text-right font-medium">{valueHeader}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.label} className="border-b border-slate-100 dark:border-slate-800">
                <th scope="row" className="py-1 pr-4 font-normal">{d.label}</th>
                <td className="py-1 text-right tabular-nums">{d.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
