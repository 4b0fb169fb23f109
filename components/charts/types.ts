/**
 * The data every chart takes: a list of labelled values. Kept independent of how the chart is
 * drawn (recharts, in the client components bar-chart and line-chart), so the pages only ever
 * pass plain data: see README.md.
 */
export interface ChartDatum {
  /** Category or x-axis label, as shown ("0%", "4 Mar"): formatted by the page. */
  label: string;
  value: number;
}
