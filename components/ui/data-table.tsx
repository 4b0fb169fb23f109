/**
 * The pieces every data table repeats: the frame that scrolls sideways on a narrow screen, the
 * caption that names the table for screen readers, and a header row of column headings. No hooks,
 * so server pages and client components alike can use them.
 */
import type { ReactNode } from "react";

/** The bordered frame of a full-width table on the instructor and admin pages. */
export const TABLE_FRAME = "mt-4 overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800";

/**
 * A `<table>` with an sr-only caption (when given), inside `frame` (when given). The table's
 * `data-testid` is `testId`; the rows (`TableHead`, `<tbody>`) are the children.
 */
export function DataTable({ caption, frame, className, testId, children }: { caption?: ReactNode; frame?: string; className: string; testId?: string; children: ReactNode }) {
  const table = (
    <table className={className} data-testid={testId}>
      {caption !== undefined && <caption className="sr-only">{caption}</caption>}
      {children}
    </table>
  );
  return frame ? <div className={frame}>{table}</div> : table;
}

/** A column heading: its label, and its own classes (alignment, width) on top of the row's. */
export interface Column {
  label: ReactNode;
  className?: string;
}

/** Headings on a shaded band, at the top of a `TABLE_FRAME`. */
export const HEAD_BAND = "bg-slate-50 text-left text-slate-700 dark:bg-slate-900 dark:text-slate-200";
/** Headings over a rule, for a table inside a card (no frame of its own): the `<thead>`'s and the row's classes. */
export const RULED_HEAD = "text-left text-slate-600 dark:text-slate-300";
export const RULED_ROW = "border-b border-slate-200 dark:border-slate-800";

/** A `<thead>` of one row: a `<th scope="col">` per column, each with the `cell` classes and its own. */
export function TableHead({ columns, className, rowClassName, cell }: { columns: Column[]; className: string; rowClassName?: string; cell: string }) {
  return (
    <thead className={className}>
      <tr className={rowClassName}>
        {columns.map((column, i) => (
          <th key={i} scope="col" className={column.className ? `${column.className} ${cell}` : cell}>
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
