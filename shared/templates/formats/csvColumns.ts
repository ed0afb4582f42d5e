/**
 * The columns of a template CSV, and how a problem found in the template
 * model (a JSON path) is pointed back at the row and column it came from.
 */
import type { TemplateIssue } from '../issues.ts';

export const CSV_COLUMNS = [
  'id',
  'type',
  'section',
  'title',
  'text',
  'help',
  'options',
  'weight',
  'severity',
  'critical',
  'required',
  'na_allowed',
  'condition',
  'reference',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export const REQUIRED_CSV_COLUMNS: readonly CsvColumn[] = ['id', 'type', 'section', 'text'];

/** Header spellings people use for the same column: "N/A allowed", "NA-allowed", "Help text". */
const ALIASES: Record<string, CsvColumn> = { na: 'na_allowed', help_text: 'help', question: 'text', score_options: 'options' };

export function columnName(header: string): string {
  const name = header.trim().toLowerCase().replace(/\//g, '').replace(/[\s-]+/g, '_');
  return ALIASES[name] ?? name;
}

const FIELD_COLUMNS: Record<string, CsvColumn> = {
  id: 'id',
  type: 'type',
  section: 'section',
  title: 'title',
  text: 'text',
  help: 'help',
  options: 'options',
  bands: 'options',
  weight: 'weight',
  severity: 'severity',
  critical: 'critical',
  required: 'required',
  naAllowed: 'na_allowed',
  condition: 'condition',
  reference: 'reference',
  control: 'id',
};
const SECTION_COLUMNS: Record<string, CsvColumn> = { id: 'id', title: 'text', description: 'help' };
const TEMPLATE_COLUMNS: Record<string, CsvColumn> = { key: 'id', name: 'text', description: 'help' };

export interface RowMap {
  templateRow: number;
  sectionRows: number[];
  questionRows: number[];
}

export function csvIssue(row: number, column: string | null, message: string): TemplateIssue & { row: number; column: string | null } {
  return { path: column ? `row ${row}, column ${column}` : `row ${row}`, row, column, message };
}

/** "questions[3].options[1].score" -> the row of question 3, column "options". */
export function issueAtRow(issue: TemplateIssue, rows: RowMap): TemplateIssue {
  const match = /^(sections|questions)\[(\d+)\]\.?([A-Za-z]*)/.exec(issue.path);
  if (match) {
    const [, list, index, field] = match;
    const row = (list === 'sections' ? rows.sectionRows : rows.questionRows)[Number(index)];
    const column = (list === 'sections' ? SECTION_COLUMNS : FIELD_COLUMNS)[field ?? ''] ?? null;
    if (row !== undefined) return csvIssue(row, column, issue.message);
  }
  const field = /^[A-Za-z]+/.exec(issue.path)?.[0] ?? '';
  if (field in TEMPLATE_COLUMNS) return csvIssue(rows.templateRow, TEMPLATE_COLUMNS[field]!, issue.message);
  return issue;
}
