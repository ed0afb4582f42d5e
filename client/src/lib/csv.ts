/**
 * CSV for the downloads of the dashboard and the Tasks page, built in the browser. A cell that a
 * spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) gets a leading apostrophe, so a vendor named
 * "=HYPERLINK(...)" stays text when the file is opened (OWASP CSV injection).
 */
import { format } from 'date-fns';
import Papa from 'papaparse';

export type CsvValue = string | number | boolean | null | undefined;
export type CsvRow = Record<string, CsvValue>;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that cannot start a formula. Numbers are left alone: -3 is a number, not a formula. */
export function neutraliseFormula(value: CsvValue): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A CSV document with the given columns (in order) and a header row. */
export function toCsv(columns: readonly string[], rows: readonly CsvRow[]): string {
  return Papa.unparse(
    {
      fields: columns.map((c) => String(neutraliseFormula(c))),
      data: rows.map((row) => columns.map((c) => neutraliseFormula(row[c]))),
    },
    { newline: '\r\n' },
  );
}

/** "tollgate-top-risks-2026-11-24.csv", dated in the reader's time zone. */
export function csvFilename(name: string, today: Date = new Date()): string {
  return `tollgate-${name}-${format(today, 'yyyy-MM-dd')}.csv`;
}
