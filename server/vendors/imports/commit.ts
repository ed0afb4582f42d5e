/**
 * Committing an import: the whole file or nothing, without holding up the
 * server (docs/decisions/0014-imports-off-the-request-path.md). Three steps:
 *  1. Plan, in the import worker, in a read transaction (a consistent
 *     snapshot that locks nobody out): check the file against the
 *     inventory, and work out every row to write, each touched vendor's new
 *     position and history snapshot, and the audit entry, with the same
 *     code the forms use.
 *  2. Stage those rows, still in the worker, in a staging file (platform/db/bulk.ts).
 *  3. Write, on the server's own connection, in one short IMMEDIATE
 *     transaction: if nothing the plan read has changed since
 *     (`data_version`, which triggers bump on every write to the inventory
 *     and risk tables), copy the staged rows over with one statement per
 *     table and record the audit entry; otherwise plan again.
 * Only step 3 holds the write lock, and the request thread: tens of
 * milliseconds for the largest file allowed.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { computeVendorRisk, positionMoved, snapshotValues, type ComputedRisk, activeTaskCountsFor, loadRiskInputsFor, storedRiskFor, type StoredHolding } from '../../risk/index.ts';
import type { ImportInput, VendorImportValues } from '#shared/schemas/inventory.ts';
import { effectiveAccess } from '#shared/taxonomy.ts';
import { dataHoldings, riskSnapshots, vendorRisk, vendors } from '../../../drizzle/schema/index.ts';
import { insertStaged, openStaging, stageRows, updateStaged, withStaging, type StagedRows } from '../../platform/db/bulk.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { badRequest } from '../../platform/errors.ts';
import { recordAudit, type AuditActor, type AuditEntry } from '../../platform/audit/auditTrail.ts';
import { analyseImportFile, currentDataVersion, forgetImportFile, type CheckedRow, type HoldingRowValues } from './preview.ts';
import { getCadence } from '../../reminders/index.ts';

/** Plans made stale by other people's changes before one could be written; then the person is asked to try again. */
export const MAX_COMMIT_ATTEMPTS = 3;
export const KEPT_CHANGING =
  'The inventory kept changing while the file was being imported, so nothing was imported. Import it again in a moment.';

export interface ImportResult {
  kind: ImportInput['kind'];
  counts: { rows: number; created: number; updated: number };
  vendorIds: number[];
}

type WriteHow = 'insert' | 'upsert' | 'update';

/** Rows for one table, staged by `stage`, and how they are written: added, replacing the row with the same key, or updating by key. */
interface PlannedWrite {
  how: WriteHow;
  stage: (staging: Database.Database) => StagedRows | null;
}

interface ImportPlan {
  /** data_version when the plan was made: the plan holds while it is unchanged. */
  version: number;
  writes: PlannedWrite[];
  audit: AuditEntry;
  result: ImportResult;
}

/** A plan whose rows wait in a staging file: what the worker hands the request thread. Plain data. */
export interface PreparedCommit {
  version: number;
  writes: { staged: StagedRows | null; how: WriteHow }[];
  audit: AuditEntry;
  result: ImportResult;
}

const validRows = <V>(rows: readonly CheckedRow<V>[]) => rows.filter((r): r is Extract<CheckedRow<V>, { valid: true }> => r.valid);

/** The id the next vendor gets: ids are never reused (AUTOINCREMENT), so above both the sequence and the largest id. */
function nextVendorId(tx: Db | Tx): number {
  const row = tx.get<{ next: number }>(
    sql`select max(coalesce((select seq from sqlite_sequence where name = 'vendors'), 0), coalesce((select max(id) from ${vendors}), 0)) + 1 as next`,
  );
  return row.next;
}

/** New vendors, each with its first position and its first history snapshot, as createVendor writes them. */
function planVendors(tx: Db | Tx, rows: readonly { values: VendorImportValues }[], now: Date) {
  // Ids are fixed now: data_version (bumped by any vendor insert) proves at write time that nobody took them.
  const first = nextVendorId(tx);
  const vendorRows = rows.map(({ values }, i) => ({
    id: first + i,
    name: values.name,
    website: values.website ?? null,
    serviceDescription: values.serviceDescription,
    services: values.services,
    businessOwner: values.businessOwner ?? null,
    contractStart: values.contractStart ?? null,
    contractEnd: values.contractEnd ?? null,
    criticality: values.criticality,
    accessLevel: values.accessLevel,
    createdAt: now,
    updatedAt: now,
  }));
  const risks = vendorRows.map((v) =>
    computeVendorRisk(v.id, { tierOverride: null, profile: { services: v.services, access: effectiveAccess(v.accessLevel, []), criticality: v.criticality, holdings: [] }, latest: null }, now),
  );
  const snapshots = risks.map((risk) => snapshotValues(risk, { open: 0, overdue: 0 }, now, 'profile_change'));
  const writes: PlannedWrite[] = [
    { how: 'insert', stage: (staging) => stageRows(staging, vendors, vendorRows) },
    { how: 'insert', stage: (staging) => stageRows(staging, vendorRisk, risks) },
    { how: 'insert', stage: (staging) => stageRows(staging, riskSnapshots, snapshots) },
  ];
  return { writes, vendorIds: vendorRows.map((v) => v.id) };
}

type PlannedHolding = Omit<StoredHolding, 'id'> & { id: number | null };

/** Holdings created or updated in place, then each touched vendor's position once, reflecting the whole file. */
function planHoldings(tx: Db | Tx, rows: readonly { values: HoldingRowValues }[], now: Date) {
  const created: (typeof dataHoldings.$inferInsert)[] = [];
  const updated: (Partial<typeof dataHoldings.$inferInsert> & { id: number })[] = [];
  const byVendor = new Map<number, PlannedHolding[]>();
  for (const { values } of rows) {
    const { vendor: _name, vendorId, holdingId, ...h } = values;
    const fields = { category: h.category, subjects: h.subjects, records: h.records, needed: h.needed, retentionMonths: h.retentionMonths ?? null, storageCountry: h.storageCountry ?? null, updatedAt: now };
    if (holdingId === null) created.push({ vendorId, ...fields, createdAt: now });
    else updated.push({ id: holdingId, ...fields });
    const list = byVendor.get(vendorId) ?? [];
    list.push({ id: holdingId, category: h.category, subjects: h.subjects, records: h.records, needed: h.needed });
    byVendor.set(vendorId, list);
  }

  const vendorIds = [...byVendor.keys()].sort((a, b) => a - b);
  const inputs = loadRiskInputsFor(tx, vendorIds);
  const before = storedRiskFor(tx, vendorIds);
  const tasks = activeTaskCountsFor(tx, vendorIds, now);
  const cadence = getCadence(tx);
  const risks: ComputedRisk[] = [];
  const snapshots: (typeof riskSnapshots.$inferInsert)[] = [];
  for (const vendorId of vendorIds) {
    const current = inputs.get(vendorId);
    if (!current) throw badRequest('A vendor in the file was removed meanwhile: preview the file again.');
    // As stored after the write: existing holdings in id order, updated in place, then the new ones in file order.
    const planned = byVendor.get(vendorId)!;
    const replaced = new Map(planned.filter((p) => p.id !== null).map((p) => [p.id, p]));
    const holdings = [...current.profile.holdings.map((h) => replaced.get(h.id) ?? h), ...planned.filter((p) => p.id === null)];
    const risk = computeVendorRisk(vendorId, { ...current, profile: { ...current.profile, holdings } }, now, cadence);
    risks.push(risk);
    if (positionMoved(before.get(vendorId), risk)) snapshots.push(snapshotValues(risk, tasks.get(vendorId) ?? { open: 0, overdue: 0 }, now, 'profile_change'));
  }
  const writes: PlannedWrite[] = [
    { how: 'insert', stage: (staging) => stageRows(staging, dataHoldings, created) },
    { how: 'update', stage: (staging) => stageRows(staging, dataHoldings, updated, 'id') },
    { how: 'upsert', stage: (staging) => stageRows(staging, vendorRisk, risks, 'vendorId') },
    { how: 'insert', stage: (staging) => stageRows(staging, riskSnapshots, snapshots) },
  ];
  return { writes, vendorIds };
}

function planCommit(tx: Db | Tx, input: ImportInput, actor: AuditActor, now: Date): ImportPlan {
  const version = currentDataVersion(tx);
  // The preview's own check when nothing in the inventory changed since it (same file, same data_version).
  const preview = analyseImportFile(tx, input, version);
  const { counts } = preview;
  if (counts.errors > 0) {
    throw badRequest(`The file has ${counts.errors.toLocaleString('en')} error${counts.errors === 1 ? '' : 's'}: nothing was imported. Preview it to see them.`);
  }
  if (counts.rows === 0) throw badRequest('The file has no data rows: nothing was imported.');

  const planned =
    preview.kind === 'vendors'
      ? planVendors(tx, validRows(preview.rows), now)
      : planHoldings(tx, validRows(preview.rows), now);
  const vendorIds = [...planned.vendorIds].sort((a, b) => a - b);
  return {
    version,
    writes: planned.writes,
    audit: {
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
    },
    result: { kind: input.kind, counts: { rows: counts.rows, created: counts.create, updated: counts.update }, vendorIds },
  };
}

/**
 * Steps 1 and 2, in the import worker: checks the file, plans every write
 * and stages the rows in `stagingFile`. Throws a clear BAD_REQUEST for a
 * file with errors; writes nothing to the database.
 */
export function prepareCommit(db: Db, input: ImportInput, actor: AuditActor, now: Date, stagingFile: string): PreparedCommit {
  // Read-only, on the worker's query_only connection: deferred, as IMMEDIATE would ask for the write lock (ADR 0022).
  let plan: ImportPlan;
  try {
    plan = db.transaction((tx) => planCommit(tx, input, actor, now), { behavior: 'deferred' });
  } finally {
    // Planned (or refused): the preview's rows are no longer needed, so the worker does not keep them while it idles.
    forgetImportFile();
  }
  const staging = openStaging(stagingFile);
  try {
    const writes = plan.writes.map(({ how, stage }) => ({ how, staged: stage(staging) }));
    return { version: plan.version, writes, audit: plan.audit, result: plan.result };
  } finally {
    staging.close();
  }
}

/**
 * Step 3, on the server's connection: writes the staged rows and the audit
 * entry in one IMMEDIATE transaction, or returns null (writing nothing)
 * when the inventory changed since the plan. Deletes the staging file.
 *
 * The commit does not wait for the disk on this thread: it is written with
 * synchronous=NORMAL, and the WAL file is then fsynced on the thread pool
 * before the result is returned, so the import is acknowledged only once
 * it is durable (ADR 0002), as a FULL commit would be. An import writes
 * megabytes of WAL; on a busy disk that fsync alone can take longer than
 * the whole transaction, and every request would wait for it.
 */
export async function applyCommit(db: Db, prepared: PreparedCommit, stagingFile: string): Promise<ImportResult | null> {
  const written = withStaging(db, stagingFile, () => {
    db.$client.pragma('synchronous = NORMAL');
    try {
      return db.transaction(
        (tx) => {
          if (currentDataVersion(tx) !== prepared.version) return null;
          for (const { staged, how } of prepared.writes) {
            if (how === 'update') updateStaged(tx, staged);
            else insertStaged(tx, staged, how === 'upsert');
          }
          recordAudit(tx, prepared.audit);
          return prepared.result;
        },
        { behavior: 'immediate' },
      );
    } finally {
      db.$client.pragma('synchronous = FULL');
    }
  });
  if (written && !db.$client.memory) await syncFile(`${db.$client.name}-wal`);
  return written;
}

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
