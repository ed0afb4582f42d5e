/** The risk module's public entry: other modules and the composition root import only from here. */
export { activeTaskCountsFor, loadRiskInputsFor, storedRiskFor } from './bulkRiskInputs.ts';
export type { StoredHolding } from './bulkRiskInputs.ts';
export { loadAnswerMap, loadVendorProfile } from './vendorProfile.ts';
export { applyProfileChange, computeVendorRisk, positionMoved, recomputeVendorRisk, snapshotValues, takeMonthlySnapshots, takeRiskSnapshot } from './vendorRisk.ts';
export type { ComputedRisk } from './vendorRisk.ts';
export { backfillVendorRisk, recomputeAllVendorRisk, recomputeVendorsRisk } from './rescore.ts';
export { assessedSql, bandFilterSql, rankRiskSql, standingSql } from './standing.ts';
