/**
 * Changing a vendor's profile: create, update, archive, restore, and the
 * tier override. Each change recomputes the vendor's stored risk and is
 * audited in the same transaction.
 */
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../platform/serviceContext.ts';
import { type CreateVendorValues, type UpdateVendorValues, CONTRACT_END_BEFORE_START } from '#shared/schemas/inventory.ts';
import type { Tier } from '#shared/scoring/constants.ts';
import { vendors } from '../../drizzle/schema/index.ts';
import type { Tx } from '../platform/db/database.ts';
import { conflict, fieldError, notFound } from '../platform/errors.ts';
import { recordAudit } from '../platform/audit/auditTrail.ts';
import { applyProfileChange } from '../risk/index.ts';
import { assertNameFree, requireEditableVendor } from './common.ts';
import { vendorRiskSummary } from './riskSummary.ts';

const PROFILE_COLUMNS = {
  name: vendors.name,
  website: vendors.website,
  serviceDescription: vendors.serviceDescription,
  services: vendors.services,
  businessOwner: vendors.businessOwner,
  contractStart: vendors.contractStart,
  contractEnd: vendors.contractEnd,
  criticality: vendors.criticality,
  accessLevel: vendors.accessLevel,
};
type Profile = { [K in keyof typeof PROFILE_COLUMNS]: (typeof vendors.$inferSelect)[K] };
type ProfileField = keyof Profile;
const PROFILE_FIELDS = Object.keys(PROFILE_COLUMNS) as ProfileField[];

/**
 * Writes a new active vendor and its first risk position, without auditing:
 * createVendor audits one vendor, an import audits the whole file.
 */
export function insertVendor(tx: Tx, values: CreateVendorValues, now: Date): number {
  const row = tx
    .insert(vendors)
    .values({
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
    })
    .returning({ id: vendors.id })
    .get();
  applyProfileChange(tx, row.id, now);
  return row.id;
}

export function createVendor(svc: ServiceContext, values: CreateVendorValues) {
  const { db, actor, now } = svc;
  return db.transaction((tx) => {
    assertNameFree(tx, values.name);
    const vendorId = insertVendor(tx, values, now);
    const risk = vendorRiskSummary(tx, vendorId);
    recordAudit(tx, { actor, action: 'vendor.create', targetType: 'vendor', targetId: vendorId, after: { ...values, tier: risk.tier, impact: risk.impact }, at: now });
    return { vendorId, risk };
  });
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Changes the fields given; records only those that actually changed. */
export function updateVendor(svc: ServiceContext, input: UpdateVendorValues) {
  const { db, actor, now } = svc;
  return db.transaction((tx) => {
    requireEditableVendor(tx, input.id);
    const current: Profile = tx.select(PROFILE_COLUMNS).from(vendors).where(eq(vendors.id, input.id)).get()!;
    const before: Partial<Profile> = {};
    const after: Partial<Profile> = {};
    for (const field of PROFILE_FIELDS) {
      const next = input[field];
      if (next === undefined || sameValue(next, current[field])) continue;
      before[field] = current[field] as never;
      after[field] = next as never;
    }
    const merged = { ...current, ...after };
    // Checked on the merged record: the other date may be the one already stored.
    if (merged.contractStart && merged.contractEnd && merged.contractEnd < merged.contractStart) {
      throw fieldError('contractEnd', `${CONTRACT_END_BEFORE_START} (${merged.contractStart}).`);
    }
    if (after.name !== undefined) assertNameFree(tx, after.name, input.id);
    if (Object.keys(after).length === 0) return { vendorId: input.id, changed: [] as ProfileField[], risk: vendorRiskSummary(tx, input.id) };

    tx.update(vendors).set({ ...after, updatedAt: now }).where(eq(vendors.id, input.id)).run();
    applyProfileChange(tx, input.id, now);
    const risk = vendorRiskSummary(tx, input.id);
    recordAudit(tx, { actor, action: 'vendor.update', targetType: 'vendor', targetId: input.id, before, after, at: now });
    return { vendorId: input.id, changed: Object.keys(after) as ProfileField[], risk };
  });
}

/** Archived vendors leave the inventory lists and exports; their history stays. */
export function setVendorArchived(svc: ServiceContext, vendorId: number, archived: boolean) {
  const { db, actor, now } = svc;
  return db.transaction((tx) => {
    const vendor = tx.select({ id: vendors.id, name: vendors.name, status: vendors.status }).from(vendors).where(eq(vendors.id, vendorId)).get();
    if (!vendor) throw notFound('The vendor');
    const target = archived ? 'archived' : 'active';
    if (vendor.status === target) throw conflict(archived ? 'This vendor is already archived.' : 'This vendor is not archived.');
    // A vendor of the same name may have been added meanwhile.
    if (!archived) assertNameFree(tx, vendor.name, vendorId);
    tx.update(vendors)
      .set({ status: target, archivedAt: archived ? now : null, updatedAt: now })
      .where(eq(vendors.id, vendorId))
      .run();
    recordAudit(tx, {
      actor,
      action: archived ? 'vendor.archive' : 'vendor.restore',
      targetType: 'vendor',
      targetId: vendorId,
      before: { status: vendor.status },
      after: { status: target },
      at: now,
    });
    return { vendorId, status: target };
  });
}

/** A person's tier in place of the suggested one, with the reason on record; null hands the tier back to the engine. */
export function setTierOverride(svc: ServiceContext, input: { vendorId: number; tier: Tier | null; reason?: string | undefined }) {
  const { db, actor, now } = svc;
  return db.transaction((tx) => {
    requireEditableVendor(tx, input.vendorId);
    const current = tx
      .select({ tier: vendors.tierOverride, reason: vendors.tierOverrideReason, by: vendors.tierOverrideBy })
      .from(vendors)
      .where(eq(vendors.id, input.vendorId))
      .get()!;
    const setting = input.tier !== null;
    tx.update(vendors)
      .set({
        tierOverride: input.tier,
        tierOverrideReason: setting ? (input.reason ?? null) : null,
        tierOverrideBy: setting ? actor.id : null,
        updatedAt: now,
      })
      .where(eq(vendors.id, input.vendorId))
      .run();
    applyProfileChange(tx, input.vendorId, now);
    const risk = vendorRiskSummary(tx, input.vendorId);
    recordAudit(tx, {
      actor,
      action: setting ? 'vendor.tier_override.set' : 'vendor.tier_override.clear',
      targetType: 'vendor',
      targetId: input.vendorId,
      before: { tierOverride: current.tier, reason: current.reason, by: current.by },
      after: { tierOverride: input.tier, reason: input.reason ?? null, suggestedTier: risk.suggestedTier, tier: risk.tier },
      at: now,
    });
    return { vendorId: input.vendorId, risk };
  });
}
