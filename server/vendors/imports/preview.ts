/**
 * CSV import of vendors and of data holdings: reading the file and checking
 * every row against the same rules as the forms and against the inventory.
 * Preview and commit run the same analysis; a commit (importCommit.ts)
 * writes only a file without a single error, so an import lands whole or
 * not at all. Both run in the import worker (importJobs.ts), off the
 * thread that answers requests.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import Papa from 'papaparse';
import type { z } from 'zod';
import {
  HoldingImportRow,
  IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  REQUIRED_IMPORT_COLUMNS,
  VendorImportRow,
  type HoldingImportValues,
  type ImportInput,
  type ImportKind,
  type VendorImportValues,
} from '#shared/schemas/inventory.ts';
import { DATA_SUBJECT_LABELS, getDataCategory } from '#shared/taxonomy.ts';
import { dataHoldings, dataVersion } from '../../../drizzle/schema/index.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { badRequest } from '../../platform/errors.ts';
import { activeVendorsByName, duplicateNameMessage, nameKey } from '../common.ts';

export interface ImportError {
  /** The row as a spreadsheet numbers it: the header is row 1, the first data row is row 2. */
  row: number;
  /** The column's header, or null when the problem is the whole row. */
  column: string | null;
  message: string;
}

/** Enough to fix a file; a file with more errors than this is usually the wrong file. */
export const MAX_REPORTED_ERRORS = 1000;
/** Rows a preview sends back to be shown; the counts and errors cover the whole file. */
export const PREVIEW_ROWS = 200;

export type CheckedRow<V> = { row: number; valid: true; action: 'create' | 'update'; values: V } | { row: number; valid: false; cells: Record<string, string> };
export type HoldingRowValues = HoldingImportValues & { vendorId: number; holdingId: number | null };

export type ImportPreview =
  | { kind: 'vendors'; columns: string[]; rows: CheckedRow<VendorImportValues>[]; errors: ImportError[]; errorsTruncated: boolean; counts: ImportCounts }
  | { kind: 'holdings'; columns: string[]; rows: CheckedRow<HoldingRowValues>[]; errors: ImportError[]; errorsTruncated: boolean; counts: ImportCounts };

export interface ImportCounts {
  rows: number;
  valid: number;
  invalid: number;
  create: number;
  update: number;
  errors: number;
}

interface CsvRecord {
  row: number;
  cells: Record<string, string>;
}

/** A record with the outcome of the form rules, which need nothing from the database, checked apart from the inventory checks. */
interface ValidatedRecord<V> extends CsvRecord {
  result: z.ZodSafeParseResult<V>;
}

/** The file as read and checked on its own; `analyse` then checks it against the inventory. */
export type ParsedFile =
  | { kind: 'vendors'; columns: string[]; records: ValidatedRecord<VendorImportValues>[]; errors: readonly ImportError[]; missing: ReadonlySet<string> }
  | { kind: 'holdings'; columns: string[]; records: ValidatedRecord<HoldingImportValues>[]; errors: readonly ImportError[]; missing: ReadonlySet<string> };

const PARSE_MESSAGES: Record<Papa.ParseError['code'], string> = {
  MissingQuotes: 'A quoted value is never closed: check the quotes in this row',
  InvalidQuotes: 'A quote appears inside a value that is not quoted: quote the whole value and double the quotes inside it',
  UndetectableDelimiter: 'Could not tell how values are separated: save the file as CSV with commas',
  TooFewFields: 'This row has fewer values than the header',
  TooManyFields: 'This row has more values than the header',
};

/**
 * Reads the file with papaparse. Rows are parsed without papaparse's header
 * mode and blank ones skipped here, so each record keeps the number a
 * spreadsheet shows for it, blank lines included.
 */
function readCsv(kind: ImportKind, csv: string): { columns: string[]; records: CsvRecord[]; errors: ImportError[]; missing: Set<string> } {
  const parsed = Papa.parse<string[]>(csv, { header: false, delimiter: ',', skipEmptyLines: false, transform: (value) => value.trim() });
  const errors: ImportError[] = parsed.errors.map((e) => ({ row: (e.row ?? 0) + 1, column: null, message: PARSE_MESSAGES[e.code] ?? e.message }));
  const [headerCells, ...dataRows] = parsed.data;
  const header = (headerCells ?? []).map((h) => h.toLowerCase());
  if (header.every((h) => h === '')) {
    return { columns: [], records: [], errors: [{ row: 1, column: null, message: 'The file is empty: the first row must name the columns' }], missing: new Set() };
  }

  const known: readonly string[] = IMPORT_COLUMNS[kind];
  // A trailing comma in the header gives a nameless column; harmless while its cells are empty.
  const named = header.map((name, index) => ({ name, index })).filter((c) => c.name !== '');
  const unknown = named.filter((c) => !known.includes(c.name)).map((c) => c.name);
  if (unknown.length) {
    const hint = named.length === 1 && /[;\t]/.test(named[0]!.name) ? ' The columns seem to be separated by ";" or tabs: save the file as CSV with commas.' : '';
    errors.push({ row: 1, column: unknown.join(', '), message: `Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}. The columns are: ${known.join(', ')}.${hint}` });
  }
  const repeated = [...new Set(named.map((c) => c.name).filter((name, i, all) => all.indexOf(name) !== i))];
  for (const name of repeated) errors.push({ row: 1, column: name, message: `The column "${name}" appears more than once` });
  const missing = new Set<string>(REQUIRED_IMPORT_COLUMNS[kind].filter((name) => !header.includes(name)));
  for (const name of missing) errors.push({ row: 1, column: name, message: `The required column "${name}" is missing` });

  const records: CsvRecord[] = [];
  dataRows.forEach((values, i) => {
    const row = i + 2;
    if (values.every((v) => v === '')) return;
    const extra = values.slice(header.length).some((v) => v !== '') || values.some((v, index) => v !== '' && header[index] === '');
    if (extra) errors.push({ row, column: null, message: `This row has more values than there are named columns (${named.length})` });
    const cells: Record<string, string> = {};
    for (const column of known) {
      const index = header.indexOf(column);
      cells[column] = index >= 0 ? (values[index] ?? '') : '';
    }
    records.push({ row, cells });
  });
  if (records.length > MAX_IMPORT_ROWS) {
    throw badRequest(
      `The file has ${records.length.toLocaleString('en')} rows; an import takes at most ${MAX_IMPORT_ROWS.toLocaleString('en')}. Split it into files of up to ${MAX_IMPORT_ROWS.toLocaleString('en')} rows and import them one after another.`,
    );
  }
  return { columns: named.map((c) => c.name), records, errors, missing };
}

/** Reads the file and applies the form rules to every row. Throws a clear BAD_REQUEST for a file over the row limit. */
function readAndValidate(input: ImportInput): ParsedFile {
  const { columns, records, errors, missing } = readCsv(input.kind, input.csv);
  if (input.kind === 'vendors') return { kind: 'vendors', columns, errors, missing, records: records.map((r) => ({ ...r, result: VendorImportRow.safeParse(r.cells) })) };
  return { kind: 'holdings', columns, errors, missing, records: records.map((r) => ({ ...r, result: HoldingImportRow.safeParse(r.cells) })) };
}

/**
 * The last file read, by the hash of its kind and contents. A commit nearly
 * always follows its own preview, and reading and validating a 5,000-row
 * file is a large part of each. Safe to reuse: the result depends on the
 * file alone, never on the database (checks against the inventory run again
 * in `analyse`, on every preview and commit), and nothing downstream changes
 * it. One file only, so at most one file's rows (5 MB, 5,000 rows) stay in
 * memory, and they go when the worker ends after its idle minute.
 */
let lastRead: { key: string; file: ParsedFile } | null = null;

const fileKey = (input: ImportInput) => createHash('sha256').update(input.kind).update('\u0000').update(input.csv).digest('hex');

/** The file read and validated, or the same file's result from the job before. */
export function parseImportFile(input: ImportInput): ParsedFile {
  const key = fileKey(input);
  if (lastRead?.key === key) return lastRead.file;
  lastRead = null;
  const file = readAndValidate(input);
  lastRead = { key, file };
  return file;
}

/** Zod issues of one row as errors naming the column at fault; a missing column is reported once, on the header row. */
function rowErrors(row: number, issues: readonly z.core.$ZodIssue[], missing: ReadonlySet<string>): ImportError[] {
  return issues
    .map((issue) => ({ row, column: typeof issue.path[0] === 'string' ? issue.path[0] : null, message: issue.message }))
    .filter((e) => e.column === null || !missing.has(e.column));
}

function summarise<V>(kind: ImportKind, columns: string[], rows: CheckedRow<V>[], errors: ImportError[]) {
  errors.sort((a, b) => a.row - b.row);
  const valid = rows.filter((r) => r.valid);
  return {
    kind,
    columns,
    rows,
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
    errorsTruncated: errors.length > MAX_REPORTED_ERRORS,
    counts: {
      rows: rows.length,
      valid: valid.length,
      invalid: rows.length - valid.length,
      create: valid.filter((r) => r.action === 'create').length,
      update: valid.filter((r) => r.action === 'update').length,
      errors: errors.length,
    },
  };
}

function checkVendors(tx: Db | Tx, records: ValidatedRecord<VendorImportValues>[], errors: ImportError[], missing: ReadonlySet<string>): CheckedRow<VendorImportValues>[] {
  const existing = activeVendorsByName(tx);
  const seen = new Map<string, number>();
  const failed = new Set(errors.map((e) => e.row));
  return records.map(({ row, cells, result }) => {
    const problems = result.success ? [] : rowErrors(row, result.error.issues, missing);
    if (result.success) {
      const key = nameKey(result.data.name);
      const taken = existing.get(key);
      if (taken) problems.push({ row, column: 'name', message: duplicateNameMessage(taken.name) });
      else if (seen.has(key)) problems.push({ row, column: 'name', message: `"${result.data.name}" is also on row ${seen.get(key)}: each vendor can appear once` });
      else seen.set(key, row);
    }
    errors.push(...problems);
    if (!result.success || problems.length || failed.has(row)) return { row, valid: false, cells };
    return { row, valid: true, action: 'create', values: result.data };
  });
}

function checkHoldings(tx: Db | Tx, records: ValidatedRecord<HoldingImportValues>[], errors: ImportError[], missing: ReadonlySet<string>): CheckedRow<HoldingRowValues>[] {
  const vendorsByName = activeVendorsByName(tx);
  const holdingKey = (vendorId: number, category: string, subjects: string) => `${vendorId}\u0000${category}\u0000${subjects}`;
  // The holdings already stored of the active vendors the file names, read in one query rather than once per row;
  // only theirs, so the read grows with the file and not with the inventory (all holdings: 60,000 rows in the bench).
  const named = new Set<number>();
  for (const { result } of records) {
    const vendor = result.success ? vendorsByName.get(nameKey(result.data.vendor)) : undefined;
    if (vendor) named.add(vendor.id);
  }
  const stored = new Map(
    tx
      .select({ id: dataHoldings.id, vendorId: dataHoldings.vendorId, category: dataHoldings.category, subjects: dataHoldings.subjects })
      .from(dataHoldings)
      .where(sql`${dataHoldings.vendorId} in (select value from json_each(${JSON.stringify([...named])}))`)
      .all()
      .map((h) => [holdingKey(h.vendorId, h.category, h.subjects), h.id]),
  );
  const seen = new Map<string, number>();
  const failed = new Set(errors.map((e) => e.row));
  return records.map(({ row, cells, result }) => {
    const problems = result.success ? [] : rowErrors(row, result.error.issues, missing);
    let values: HoldingRowValues | null = null;
    if (result.success) {
      const h = result.data;
      const vendor = vendorsByName.get(nameKey(h.vendor));
      if (!vendor) {
        problems.push({ row, column: 'vendor', message: `No active vendor is named "${h.vendor}": add the vendor first, or check the spelling` });
      } else {
        const key = holdingKey(vendor.id, h.category, h.subjects);
        const earlier = seen.get(key);
        if (earlier) {
          const what = `${getDataCategory(h.category).label.toLowerCase()} about ${DATA_SUBJECT_LABELS[h.subjects].toLowerCase()}`;
          problems.push({ row, column: 'category', message: `Row ${earlier} already gives ${what} for ${vendor.name}: each holding can appear once` });
        } else {
          seen.set(key, row);
          values = { ...h, vendor: vendor.name, vendorId: vendor.id, holdingId: stored.get(key) ?? null };
        }
      }
    }
    errors.push(...problems);
    if (!values || problems.length || failed.has(row)) return { row, valid: false, cells };
    // A holding the vendor already has is updated in place: re-importing a refreshed inventory is the usual case.
    return { row, valid: true, action: values.holdingId === null ? 'create' : 'update', values };
  });
}

/** The file checked against the inventory as `tx` sees it: every row and every problem. Writes nothing. */
export function analyse(tx: Db | Tx, file: ParsedFile): ImportPreview {
  const errors = [...file.errors];
  if (file.kind === 'vendors') return { ...summarise('vendors', file.columns, checkVendors(tx, file.records, errors, file.missing), errors), kind: 'vendors' };
  return { ...summarise('holdings', file.columns, checkHoldings(tx, file.records, errors, file.missing), errors), kind: 'holdings' };
}

/** The inventory's version: triggers bump it on every write to vendors, holdings and the risk tables (migration 0004). */
export const currentDataVersion = (tx: Db | Tx) => tx.select({ version: dataVersion.version }).from(dataVersion).get()?.version ?? 0;

/**
 * The last file checked against the inventory, with every row, and the
 * inventory's version it was checked at. A commit that follows its preview
 * with the inventory unchanged (the same data_version, read in the commit's
 * own read transaction) would check the same file against the same rows
 * and reach the same answer, so it reuses this one. Any write to vendors or
 * holdings bumps the version, and the commit then checks again. One file
 * only, as for `lastRead`.
 */
let lastAnalysis: { key: string; version: number; preview: ImportPreview } | null = null;

/** `analyse` for a file, inside a read transaction that has read `version`: reused when the same file was checked at the same version. */
export function analyseImportFile(tx: Db | Tx, input: ImportInput, version: number): ImportPreview {
  const key = fileKey(input);
  if (lastAnalysis?.key === key && lastAnalysis.version === version) return lastAnalysis.preview;
  lastAnalysis = null;
  const preview = analyse(tx, parseImportFile(input));
  lastAnalysis = { key, version, preview };
  return preview;
}

/** Drops the kept file and its check: once a commit is planned they are used up (its write changes the inventory's version). */
export function forgetImportFile(): void {
  lastRead = null;
  lastAnalysis = null;
}

/** What the file would do, with every problem by row and column, and its first rows as read. Writes nothing. */
export function previewImport(db: Db, input: ImportInput): ImportPreview {
  // One read transaction: the vendors and holdings it checks against are read as of one moment.
  // Read-only (on the worker's query_only connection): deferred, not the IMMEDIATE default (ADR 0022).
  const preview = db.transaction((tx) => analyseImportFile(tx, input, currentDataVersion(tx)), { behavior: 'deferred' });
  // The counts and errors speak for the whole file; a page shows its first rows, so only those travel.
  return { ...preview, rows: preview.rows.slice(0, PREVIEW_ROWS) } as ImportPreview;
}
