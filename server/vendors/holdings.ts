/**
 * The data a vendor holds about people. Every change recomputes the
 * vendor's risk in the same transaction and answers with the fresh
 * position, so the editor shows impact and tier moving as you edit.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { ServiceContext } from '../platform/serviceContext.ts';
import type { HoldingValues } from '#shared/schemas/inventory.ts';
import { DATA_SUBJECT_LABELS, getDataCategory, type DataCategoryId, type DataSubject } from '#shared/taxonomy.ts';
import { dataHoldings } from '../../drizzle/schema/index.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { conflict, notFound } from '../platform/errors.ts';
import { recordAudit } from '../platform/audit/auditTrail.ts';
import { applyProfileChange } from '../risk/index.ts';
import { requireEditableVendor } from './common.ts';
import { vendorRiskSummary } from './riskSummary.ts';

const HOLDING_COLUMNS = {
  id: dataHoldings.id,
  vendorId: dataHoldings.vendorId,
  category: dataHoldings.category,
  subjects: dataHoldings.subjects,
  records: dataHoldings.records,
  needed: dataHoldings.needed,
  retentionMonths: dataHoldings.retentionMonths,
  storageCountry: dataHoldings.storageCountry,
};

export function duplicateHoldingMessage(vendorName: string, category: DataCategoryId, subjects: DataSubject): string {
  return `${vendorName} already has a holding of ${getDataCategory(category).label.toLowerCase()} about ${DATA_SUBJECT_LABELS[subjects].toLowerCase()}: change that one instead.`;
}

/** The holding with this (category, subjects) at the vendor, other than `exceptId`. */
export function findSameHolding(tx: Db | Tx, vendorId: number, category: DataCategoryId, subjects: DataSubject, exceptId: number | null = null) {
  const where = [eq(dataHoldings.vendorId, vendorId), eq(dataHoldings.category, category), eq(dataHoldings.subjects, subjects)];
  if (exceptId !== null) where.push(ne(dataHoldings.id, exceptId));
  return tx.select({ id: dataHoldings.id }).from(dataHoldings).where(and(...where)).get() ?? null;
}

/** Inserts, or replaces the holding `id`; leaves the risk recompute and audit to the caller. Absent optional fields become null. */
export function writeHolding(tx: Tx, vendorId: number, id: number | null, values: HoldingValues, now: Date) {
  const fields = {
    category: values.category,
    subjects: values.subjects,
    records: values.records,
    needed: values.needed,
    retentionMonths: values.retentionMonths ?? null,
    storageCountry: values.storageCountry ?? null,
    updatedAt: now,
  };
  if (id === null) return tx.insert(dataHoldings).values({ vendorId, ...fields, createdAt: now }).returning(HOLDING_COLUMNS).get();
  return tx.update(dataHoldings).set(fields).where(and(eq(dataHoldings.id, id), eq(dataHoldings.vendorId, vendorId))).returning(HOLDING_COLUMNS).get()!;
}

export function upsertHolding(svc: ServiceContext, input: HoldingValues & { vendorId: number; id?: number | undefined }) {
  const { db, actor, now } = svc;
  return db.transaction((tx) => {
    const vendor = requireEditableVendor(tx, input.vendorId);
    const id = input.id ?? null;
    let before: ReturnType<typeof findHolding> = null;
    if (id !== null) {
      before = findHolding(tx, id);
      // Another vendor's holding is as good as absent: ids are not a way to reach across vendors.
      if (!before || before.vendorId !== input.vendorId) throw notFound('The data holding');
    }
    if (findSameHolding(tx, input.vendorId, input.category, input.subjects, id)) {
      throw conflict(duplicateHoldingMessage(vendor.name, input.category, input.subjects));
    }
    const { vendorId: _v, id: _i, ...values } = input;
    const holding = writeHolding(tx, input.vendorId, id, values, now);
    applyProfileChange(tx, input.vendorId, now);
    const risk = vendorRiskSummary(tx, input.vendorId);
    recordAudit(tx, {
      actor,
      action: before ? 'holding.update' : 'holding.create',
      targetType: 'vendor',
      targetId: input.vendorId,
      before: before ?? undefined,
      after: holding,
      at: now,
    });
    return { vendorId: input.vendorId, holding, risk };
  });
}

function findHolding(tx: Db | Tx, id: number) {
  return tx.select(HOLDING_COLUMNS).from(dataHoldings).where(eq(dataHoldings.id, id)).get() ?? null;
}

export function deleteHolding(svc: ServiceContext, id: number) {
  const { db, actor, now } = svc;
  return db.transaction((tx) => {
    const holding = findHolding(tx, id);
    if (!holding) throw notFound('The data holding');
    requireEditableVendor(tx, holding.vendorId);
    tx.delete(dataHoldings).where(eq(dataHoldings.id, id)).run();
    applyProfileChange(tx, holding.vendorId, now);
    const risk = vendorRiskSummary(tx, holding.vendorId);
    recordAudit(tx, { actor, action: 'holding.delete', targetType: 'vendor', targetId: holding.vendorId, before: holding, at: now });
    return { vendorId: holding.vendorId, risk };
  });
}
