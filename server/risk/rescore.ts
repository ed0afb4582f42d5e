/**
 * Rescoring many vendors at once: what a change to the scoring model, or a
 * position stored before a column existed, costs. Reads each chunk's inputs
 * in a few set-based queries (bulkRiskInputs.ts), computes every position
 * with the same pure function as a single edit (computeVendorRisk), and
 * writes the chunk with one statement. Chunks keep memory flat however
 * large the portfolio: only one chunk's inputs are held at a time.
 */
import { and, asc, gt, isNotNull, sql } from 'drizzle-orm';
import { vendorRisk, vendors } from '../../drizzle/schema/index.ts';
import { upsertRows } from '../platform/db/bulk.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { getCadence } from '../reminders/index.ts';
import { loadRiskInputsFor } from './bulkRiskInputs.ts';
import { computeVendorRisk } from './vendorRisk.ts';

/** Vendors per chunk: large enough that the per-statement cost vanishes, small enough to hold little. */
const CHUNK = 500;

/**
 * Recomputes and stores the positions of these vendors (those that exist); returns how many moved. A position that
 * did not move (every column but computed_at as stored) is not rewritten (ADR 0036): no trigger runs for it and no
 * dashboard answer is discarded for it.
 */
export function recomputeVendorsRisk(tx: Db | Tx, vendorIds: readonly number[], now: Date): number {
  const cadence = getCadence(tx);
  let stored = 0;
  for (let start = 0; start < vendorIds.length; start += CHUNK) {
    const inputs = loadRiskInputsFor(tx, vendorIds.slice(start, start + CHUNK));
    stored += upsertRows(tx, vendorRisk, [...inputs].map(([id, i]) => computeVendorRisk(id, i, now, cadence)), 'vendorId', ['computedAt']);
  }
  return stored;
}

/** Recomputes and stores every vendor's position, a chunk of vendors at a time; returns how many moved. */
export function recomputeAllVendorRisk(tx: Db | Tx, now: Date): number {
  let after = 0;
  let stored = 0;
  for (;;) {
    const ids = tx.select({ id: vendors.id }).from(vendors).where(gt(vendors.id, after)).orderBy(asc(vendors.id)).limit(CHUNK).all().map((v) => v.id);
    if (ids.length === 0) return stored;
    after = ids[ids.length - 1]!;
    stored += recomputeVendorsRisk(tx, ids, now);
  }
}

/** Fills positions stored before a column existed (e.g. failing controls), once, at start-up. */
export function backfillVendorRisk(db: Db, now: Date): number {
  const stale = db.select({ vendorId: vendorRisk.vendorId }).from(vendorRisk).where(and(isNotNull(vendorRisk.assessmentId), sql`${vendorRisk.failingControls} is null`)).all();
  if (stale.length) db.transaction((tx) => recomputeVendorsRisk(tx, stale.map((r) => r.vendorId), now));
  return stale.length;
}
