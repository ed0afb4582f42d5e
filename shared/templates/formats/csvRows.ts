/**
 * Template CSV rows to a template as an author would write it: each cell
 * read by its own small syntax (csvCells.ts), each mistake reported with
 * its row and column. The template model then checks the whole.
 */
import { failed, ok, type ParseResult, type TemplateIssue } from '../issues.ts';
import { QUESTION_TYPES, type QuestionType } from '../schema.ts';
import { catalogueMismatchMessage, differencesFromCatalogue, unknownControlMessage, type ControlLookup } from './catalogueControls.ts';
import { parseBandsCell, parseConditionCell, parseFlagCell, parseNumberCell, parseOptionsCell, type CellResult } from './csvCells.ts';
import { csvIssue, type CsvColumn, type RowMap } from './csvColumns.ts';
import { controlSnapshot } from '../builtIn.ts';

export interface CsvRow {
  row: number;
  cells: Record<CsvColumn, string>;
}

type RowKind = QuestionType | 'template' | 'section';
const ROW_KINDS: readonly string[] = ['template', 'section', ...QUESTION_TYPES];

/** Which cells each kind of row may fill; the rest must stay empty. */
const ALLOWED: Record<RowKind, readonly CsvColumn[]> = {
  template: ['id', 'type', 'text', 'help'],
  section: ['id', 'type', 'text', 'help'],
  control: ['id', 'type', 'section', 'title', 'text', 'severity', 'critical', 'na_allowed', 'weight', 'required', 'condition'],
  yes_partial_no: ['id', 'type', 'section', 'title', 'text', 'help', 'weight', 'severity', 'critical', 'required', 'na_allowed', 'condition', 'reference'],
  single_choice: ['id', 'type', 'section', 'title', 'text', 'help', 'options', 'weight', 'severity', 'critical', 'required', 'na_allowed', 'condition', 'reference'],
  multiple_choice: ['id', 'type', 'section', 'title', 'text', 'help', 'options', 'weight', 'severity', 'critical', 'required', 'na_allowed', 'condition', 'reference'],
  number: ['id', 'type', 'section', 'title', 'text', 'help', 'options', 'weight', 'severity', 'critical', 'required', 'na_allowed', 'condition', 'reference'],
  date: ['id', 'type', 'section', 'title', 'text', 'help', 'required', 'na_allowed', 'condition', 'reference'],
  text: ['id', 'type', 'section', 'title', 'text', 'help', 'required', 'na_allowed', 'condition', 'reference'],
};

const kindOf = (cell: string) => cell.toLowerCase().replace(/[\s/-]+/g, '_');

export function readRows(rows: readonly CsvRow[], findControl: ControlLookup): ParseResult<{ input: Record<string, unknown>; rows: RowMap }> {
  const issues: TemplateIssue[] = [];
  const map: RowMap = { templateRow: 0, sectionRows: [], questionRows: [] };
  const meta: Record<string, unknown> = {};
  const sections: Record<string, unknown>[] = [];
  const questions: Record<string, unknown>[] = [];

  for (const { row, cells } of rows) {
    const kind = kindOf(cells.type);
    if (!ROW_KINDS.includes(kind)) {
      issues.push(csvIssue(row, 'type', cells.type === '' ? 'The type is missing' : `Unknown type "${cells.type}"; expected one of template, section, ${QUESTION_TYPES.join(', ')}`));
      continue;
    }
    const allowed = ALLOWED[kind as RowKind];
    for (const column of Object.keys(cells) as CsvColumn[]) {
      if (cells[column] !== '' && !allowed.includes(column)) issues.push(csvIssue(row, column, `A ${kind.replace('_', ' ')} row does not use the ${column} column: leave it empty`));
    }
    const value = <T>(column: CsvColumn, parse: (cell: string) => CellResult<T>): T | undefined => {
      if (cells[column] === '') return undefined;
      const parsed = parse(cells[column]);
      if (parsed.ok) return parsed.value;
      issues.push(csvIssue(row, column, parsed.message));
      return undefined;
    };
    const text = (column: CsvColumn) => (cells[column] === '' ? undefined : cells[column]);
    const defined = (record: Record<string, unknown>) => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));

    if (kind === 'template') {
      if (map.templateRow) issues.push(csvIssue(row, 'type', `Only one template row is allowed; row ${map.templateRow} is the first`));
      map.templateRow = row;
      Object.assign(meta, defined({ key: text('id'), name: text('text'), description: text('help') }));
      continue;
    }
    if (kind === 'section') {
      sections.push(defined({ id: text('id'), title: text('text'), description: text('help') }));
      map.sectionRows.push(row);
      continue;
    }

    const placement = {
      id: text('id'),
      type: kind,
      section: text('section'),
      required: value('required', (c) => parseFlagCell(c, 'required')),
      condition: value('condition', parseConditionCell),
      weight: value('weight', (c) => parseNumberCell(c, 'The weight')),
    };
    if (kind === 'control') {
      const control = findControl(cells.id);
      if (!control) {
        issues.push(csvIssue(row, 'id', unknownControlMessage(cells.id)));
        continue;
      }
      // The wording and flags in the file are for people reading it; they must be the catalogue's.
      const given = defined({
        title: text('title'),
        question: text('text'),
        severity: text('severity'),
        critical: value('critical', (c) => parseFlagCell(c, 'critical')),
        allowNa: value('na_allowed', (c) => parseFlagCell(c, 'na_allowed')),
      });
      const differences = differencesFromCatalogue({ ...controlSnapshot(control), ...given }, control);
      if (differences.length) issues.push(csvIssue(row, null, catalogueMismatchMessage(control.id, differences)));
      questions.push(defined({ ...placement, control: controlSnapshot(control) }));
    } else {
      const choice = kind === 'single_choice' || kind === 'multiple_choice';
      questions.push(
        defined({
          ...placement,
          title: text('title'),
          text: text('text') ?? '',
          help: text('help'),
          reference: text('reference'),
          naAllowed: value('na_allowed', (c) => parseFlagCell(c, 'na_allowed')),
          severity: text('severity')?.toLowerCase(),
          critical: value('critical', (c) => parseFlagCell(c, 'critical')),
          options: choice ? (value('options', parseOptionsCell) ?? []) : undefined,
          bands: kind === 'number' ? (value('options', parseBandsCell) ?? []) : undefined,
        }),
      );
    }
    map.questionRows.push(row);
  }
  if (!map.templateRow) {
    issues.push(csvIssue(1, null, 'The file has no template row: add a row with type "template", the template\'s key in id, its name in text and its description in help'));
  }
  if (issues.length) return failed(issues);
  return ok({ input: { ...meta, sections, questions }, rows: map });
}
