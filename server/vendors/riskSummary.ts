/**
 * The vendor's inherent position as the inventory editor shows it: after
 * a save (read back from vendor_risk, which recomputeVendorRisk has just
 * written) and while typing (computed without saving).
 */
import { eq } from 'drizzle-orm';
import type { PreviewImpactValues } from '../../shared/schemas/inventory.ts';
import { INHERENT_LIKELIHOOD } from '../../shared/scoring/constants.ts';
import { computeInherentImpact } from '../../shared/scoring/impact.ts';
import { bandForResidual, computeResidualRisk } from '../../shared/scoring/residual.ts';
import { suggestTier } from '../../shared/scoring/tier.ts';
import { vendorRisk, vendors } from '../../drizzle/schema/index.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';
import { loadVendorProfile } from '../risk/vendorProfile.ts';

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

/** Impact and suggested tier of unsaved holdings, for live feedback in the editor. Nothing is stored. */
export function previewImpact(input: PreviewImpactValues) {
  const holdings = input.holdings.map((h) => ({ category: h.category, subjects: h.subjects, records: h.records, needed: h.needed }));
  const result = computeInherentImpact({ holdings, access: input.access, criticality: input.criticality });
  const inherentResidual = computeResidualRisk(INHERENT_LIKELIHOOD, result.impact);
  return {
    ...result,
    excessData: result.excessCategories.length > 0,
    suggestedTier: suggestTier(result.impact, input.criticality),
    inherentResidual,
    inherentBand: bandForResidual(inherentResidual),
  };
}
