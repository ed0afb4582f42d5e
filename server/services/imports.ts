/**
 * CSV import of vendors and of data holdings. Preview and commit run the
 * same analysis; commit writes only a file without a single error, all in
 * one transaction, so an import lands whole or not at all.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import Papa from 'papaparse';
import type { z } from 'zod';
import {
  HoldingImportRow,
  IMPORT_COLUMNS,
  REQUIRED_IMPORT_COLUMNS,
  VendorImportRow,
  type HoldingImportValues,
  type ImportInput,
  type ImportKind,
  type VendorImportValues,
} from '../../shared/schemas/inventory.ts';
import { DATA_SUBJECT_LABELS, getDataCategory } from '../../shared/taxonomy.ts';
import { dataHoldings, vendors } from '../../drizzle/schema/index.ts';
import type { Db, Tx } from '../db/database.ts';
import { badRequest } from '../errors.ts';
import { recordAudit, type AuditActor } from './audit.ts';
import { activeVendorsByName, duplicateNameMessage, nameKey } from './inventory/common.ts';
import { writeHolding } from './inventory/holdings.ts';
import { insertVendor } from './inventory/vendors.ts';
import { applyProfileChange } from './risk.ts';

export interface ImportError {
  /** The row as a spreadsheet numbers it: the header is row 1, the first data row is row 2. */
  row: number;
  /** The column's header, or null when the problem is the whole row. */
  column: string | null;
  message: string;
}

/** Enough to fix a file; a file with more errors than this is usually the wrong file. */
export const MAX_REPORTED_ERRORS = 1000;

type CheckedRow<V> = { row: number; valid: true; action: 'create' | 'update'; values: V } | { row: number; valid: false; cells: Record<string, string> };
type HoldingRowValues = HoldingImportValues & { vendorId: number; holdingId: number | null };

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
  return { columns: named.map((c) => c.name), records, errors, missing };
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

function checkVendors(tx: Db | Tx, records: CsvRecord[], errors: ImportError[], missing: ReadonlySet<string>): CheckedRow<VendorImportValues>[] {
  const existing = activeVendorsByName(tx);
  const seen = new Map<string, number>();
  const failed = new Set(errors.map((e) => e.row));
  return records.map(({ row, cells }) => {
    const result = VendorImportRow.safeParse(cells);
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

function checkHoldings(tx: Db | Tx, records: CsvRecord[], errors: ImportError[], missing: ReadonlySet<string>): CheckedRow<HoldingRowValues>[] {
  const vendorsByName = activeVendorsByName(tx);
  const holdingKey = (vendorId: number, category: string, subjects: string) => `${vendorId}\u0000${category}\u0000${subjects}`;
  // The holdings already stored, read once rather than once per row.
  const stored = new Map(
    tx
      .select({ id: dataHoldings.id, vendorId: dataHoldings.vendorId, category: dataHoldings.category, subjects: dataHoldings.subjects })
      .from(dataHoldings)
      .innerJoin(vendors, eq(vendors.id, dataHoldings.vendorId))
      .where(eq(vendors.status, 'active'))
      .all()
      .map((h) => [holdingKey(h.vendorId, h.category, h.subjects), h.id]),
  );
  const seen = new Map<string, number>();
  const failed = new Set(errors.map((e) => e.row));
  return records.map(({ row, cells }) => {
    const result = HoldingImportRow.safeParse(cells);
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

function analyse(tx: Db | Tx, input: ImportInput): ImportPreview {
  const { columns, records, errors, missing } = readCsv(input.kind, input.csv);
  if (input.kind === 'vendors') return { ...summarise('vendors', columns, checkVendors(tx, records, errors, missing), errors), kind: 'vendors' };
  return { ...summarise('holdings', columns, checkHoldings(tx, records, errors, missing), errors), kind: 'holdings' };
}

/** What the file would do, with every problem by row and column. Writes nothing. */
export function previewImport(db: Db, input: ImportInput): ImportPreview {
  return analyse(db, input);
}

/** Re-checks the file and writes all of it in one transaction, or nothing. */
export function commitImport(db: Db, input: ImportInput, actor: AuditActor, now: Date) {
  return db.transaction((tx) => {
    const preview = analyse(tx, input);
    const { counts } = preview;
    if (counts.errors > 0) {
      throw badRequest(`The file has ${counts.errors.toLocaleString('en')} error${counts.errors === 1 ? '' : 's'}: nothing was imported. Preview it to see them.`);
    }
    if (counts.rows === 0) throw badRequest('The file has no data rows: nothing was imported.');

    const touched = new Set<number>();
    if (preview.kind === 'vendors') {
      for (const r of preview.rows) if (r.valid) touched.add(insertVendor(tx, r.values, now));
    } else {
      for (const r of preview.rows) {
        if (!r.valid) continue;
        const { vendor: _name, vendorId, holdingId, ...values } = r.values;
        writeHolding(tx, vendorId, holdingId, values, now);
        touched.add(vendorId);
      }
      // Once per vendor, after all its rows: the stored position reflects the whole file.
      for (const vendorId of touched) applyProfileChange(tx, vendorId, now);
    }
    const vendorIds = [...touched].sort((a, b) => a - b);
    recordAudit(tx, {
      actor,
      action: `import.${input.kind}`,
      targetType: 'inventory',
      targetId: input.kind,
      after: {
        rows: counts.rows,
        created: counts.create,
        updated: counts.update,
        vendorIds,
        // Which file it was, without keeping its contents in the log.
        sha256: createHash('sha256').update(input.csv).digest('hex'),
      },
      at: now,
    });
    return { kind: input.kind, counts: { rows: counts.rows, created: counts.create, updated: counts.update }, vendorIds };
  });
}
