/**
 * The vendor's inherent position as the inventory editor shows it after a
 * save: read back from vendor_risk, which recomputeVendorRisk has just
 * written. While typing, the client computes the same with the shared
 * model (client/src/features/vendors/impactPreview.ts).
 */
import { eq } from 'drizzle-orm';
import { computeInherentImpact } from '#shared/scoring/impact.ts';
import { vendorRisk, vendors } from '../../drizzle/schema/index.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';
import { loadVendorProfile } from '../risk/index.ts';

export function vendorRiskSummary(tx: Db | Tx, vendorId: number) {
  const stored = tx
    .select({
      impact: vendorRisk.impact,
      sensitivity: vendorRisk.sensitivity,
      volumeBand: vendorRisk.volumeBand,
      largestHolding: vendorRisk.largestHolding,
      mostSensitiveCategory: vendorRisk.mostSensitiveCategory,
      suggestedTier: vendorRisk.suggestedTier,
      tier: vendorRisk.tier,
      tierOverride: vendors.tierOverride,
      tierOverrideReason: vendors.tierOverrideReason,
      excessData: vendorRisk.excessData,
      inherentResidual: vendorRisk.inherentResidual,
      inherentBand: vendorRisk.inherentBand,
    })
    .from(vendorRisk)
    .innerJoin(vendors, eq(vendors.id, vendorRisk.vendorId))
    .where(eq(vendorRisk.vendorId, vendorId))
    .get();
  if (!stored) throw notFound('The risk record of this vendor');
  // vendor_risk keeps only whether there is excess data; which categories, and which combinations raised sensitivity, come from the engine.
  const detail = computeInherentImpact(loadVendorProfile(tx, vendorId));
  const { tierOverride, ...rest } = stored;
  return { vendorId, ...rest, tierOverridden: tierOverride !== null, excessCategories: detail.excessCategories, combinations: detail.combinations };
}

export type VendorRiskSummary = ReturnType<typeof vendorRiskSummary>;
