/**
 * Template CSV: one row per question, plus one "template" row (key, name,
 * description) and one "section" row per section (docs/templates.md).
 * Export then import gives the identical template. Cells a spreadsheet
 * would run as a formula are written with a leading apostrophe (OWASP CSV
 * injection) and read back without it.
 */
import Papa from 'papaparse';
import { failed, type ParseResult, type TemplateIssue } from '../issues.ts';
import type { TemplateDefinition, TemplateQuestion } from '../schema.ts';
import { parseTemplateDefinition } from '../validate.ts';
import { builtInControls, type ControlLookup } from './catalogueControls.ts';
import { CSV_COLUMNS, REQUIRED_CSV_COLUMNS, columnName, csvIssue, issueAtRow, type CsvColumn } from './csvColumns.ts';
import { formatBands, formatCondition, formatFlag, formatNumber, formatOptions } from './csvCells.ts';
import { readRows, type CsvRow } from './csvRows.ts';

export interface CsvImportOptions {
  findControl?: ControlLookup;
}

const FORMULA_START = /^'*[=+\-@\t\r]/;
const neutralise = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);
/** Undoes neutralise: one leading apostrophe before a formula character was added on export. */
const restore = (value: string) => (/^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

const PARSE_MESSAGES: Record<string, string> = {
  MissingQuotes: 'A quoted value is never closed: check the quotes in this row',
  InvalidQuotes: 'A quote appears inside a value that is not quoted: quote the whole value and double the quotes inside it',
};

function readTable(csv: string): { rows: CsvRow[]; issues: TemplateIssue[] } {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { header: false, delimiter: ',', skipEmptyLines: false });
  const issues: TemplateIssue[] = parsed.errors.map((e) => csvIssue((e.row ?? 0) + 1, null, PARSE_MESSAGES[e.code] ?? e.message));
  const [headerCells, ...data] = parsed.data;
  const header = (headerCells ?? []).map(columnName);
  if (header.every((h) => h === '')) return { rows: [], issues: [...issues, csvIssue(1, null, 'The file is empty: the first row must name the columns')] };

  const named = header.map((name, index) => ({ name, index })).filter((c) => c.name !== '');
  const unknown = named.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c.name)).map((c) => c.name);
  if (unknown.length) {
    const hint = named.length === 1 && /[;\t]/.test(named[0]!.name) ? ' The columns seem to be separated by ";" or tabs: save the file as CSV with commas.' : '';
    issues.push(csvIssue(1, null, `Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}. The columns are: ${CSV_COLUMNS.join(', ')}.${hint}`));
  }
  for (const name of new Set(named.map((c) => c.name).filter((n, i, all) => all.indexOf(n) !== i))) {
    issues.push(csvIssue(1, name, `The column "${name}" appears more than once`));
  }
  for (const name of REQUIRED_CSV_COLUMNS.filter((c) => !header.includes(c))) issues.push(csvIssue(1, name, `The required column "${name}" is missing`));
  if (issues.length) return { rows: [], issues };

  const rows: CsvRow[] = [];
  data.forEach((values, i) => {
    const row = i + 2;
    if (values.every((v) => v.trim() === '')) return;
    if (values.some((v, index) => v.trim() !== '' && (header[index] ?? '') === '')) {
      issues.push(csvIssue(row, null, `This row has more values than there are named columns (${named.length})`));
    }
    const cells = {} as Record<CsvColumn, string>;
    for (const column of CSV_COLUMNS) {
      const index = header.indexOf(column);
      cells[column] = index >= 0 ? restore(values[index] ?? '').trim() : '';
    }
    rows.push({ row, cells });
  });
  return { rows, issues };
}

export function parseTemplateCsv(csv: string, options: CsvImportOptions = {}): ParseResult<TemplateDefinition> {
  const table = readTable(csv);
  if (table.issues.length) return failed(table.issues);
  const read = readRows(table.rows, options.findControl ?? builtInControls);
  if (!read.ok) return read;
  const { input, rows } = read.value;
  const parsed = parseTemplateDefinition(input);
  return parsed.ok ? parsed : failed(parsed.issues.map((issue) => issueAtRow(issue, rows)));
}

function questionCells(q: TemplateQuestion): Partial<Record<CsvColumn, string>> {
  const common = { id: q.id, type: q.type, section: q.section, required: formatFlag(q.required), condition: q.condition ? formatCondition(q.condition) : '' };
  if (q.type === 'control') {
    const c = q.control;
    return {
      ...common,
      title: c.title,
      text: c.question,
      severity: c.severity,
      critical: formatFlag(c.critical),
      na_allowed: formatFlag(c.allowNa),
      weight: q.weight === undefined ? '' : formatNumber(q.weight),
    };
  }
  const authored = { ...common, title: q.title, text: q.text, help: q.help, reference: q.reference, na_allowed: formatFlag(q.naAllowed) };
  if (q.type === 'date' || q.type === 'text') return authored;
  const scored = { ...authored, severity: q.severity, critical: formatFlag(q.critical), weight: q.weight === undefined ? '' : formatNumber(q.weight) };
  if (q.type === 'number') return { ...scored, options: formatBands(q.bands) };
  if (q.type === 'yes_partial_no') return scored;
  return { ...scored, options: formatOptions(q.options) };
}

export function exportTemplateCsv(template: TemplateDefinition): string {
  const records: Partial<Record<CsvColumn, string>>[] = [{ id: template.key, type: 'template', text: template.name, help: template.description }];
  for (const section of template.sections) {
    records.push({ id: section.id, type: 'section', text: section.title, help: section.description });
    for (const q of template.questions) if (q.section === section.id) records.push(questionCells(q));
  }
  return Papa.unparse(
    { fields: [...CSV_COLUMNS], data: records.map((r) => CSV_COLUMNS.map((c) => neutralise(r[c] ?? ''))) },
    { newline: '\r\n', quotes: false },
  );
}
