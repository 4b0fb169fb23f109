/**
 * CSV that opens correctly in a spreadsheet:
 * - RFC 4180: fields separated by commas, records by CRLF; a field containing a comma, a double
 *   quote, CR or LF is wrapped in double quotes, with inner quotes doubled.
 * - UTF-8 with a byte-order mark, so Excel reads "Zoë Ñúñez" as written rather than guessing a
 *   legacy code page.
 * - Formula injection neutralised (OWASP "CSV injection"): a text cell starting with = + - @,
 *   TAB or CR would be run as a formula by a spreadsheet; it gets a leading apostrophe, which
 *   spreadsheets show as plain text. Numbers are written as numbers (a negative number is data,
 *   not a formula).
 * Pure; the roster and matrix exports build on it (export.ts).
 */
export type CsvValue = string | number | boolean | Date | null | undefined;

export const BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvField(value: CsvValue): string {
  let text: string;
  if (value === null || value === undefined) text = "";
  else if (typeof value === "number") text = Number.isFinite(value) ? String(value) : "";
  else if (typeof value === "boolean") text = value ? "yes" : "no";
  else if (value instanceof Date) text = value.toISOString();
  else text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document: BOM, header row, records, each line ending with CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header.map(csvField).join(","), ...rows.map((row) => row.map(csvField).join(","))];
  return `${BOM}${lines.join("\r\n")}\r\n`;
}

/**
 * Parses RFC 4180 CSV (BOM tolerated). The inverse of toCsv, used by tests and by anyone checking
 * an export; not a general-purpose parser for other dialects.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && input[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A safe download name: "Spring cohort 2026" -> "spring-cohort-2026". */
export function fileSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug || "cohort";
}
