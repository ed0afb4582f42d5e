/**
 * The vendors in scope counted once for the key figures, the heatmap and the failing-controls panel (ADR 0041). Each
 * used to scan vendors JOIN vendor_risk for its own count (bands, tiers, re-assessments, assessed twice, not assessed,
 * the heatmap cells): 4-8 ms each at 10,000 vendors, mostly the join and the standing CASE, not I/O. One scan grouped
 * by standing, band, tier, likelihood, impact and due soon gives a few dozen groups, from which every count is summed
 * here; it is kept like a view's answer (cache.ts), so a batch of views reads it once.
 */
import { count, eq, sql } from 'drizzle-orm';
import { DUE_SOON_DAYS } from '#shared/remediation/cadence.ts';
import { INHERENT_LIKELIHOOD } from '#shared/scoring/constants.ts';
import type { DashboardFilters } from '#shared/schemas/dashboard.ts';
import { vendorRisk, vendors } from '../../drizzle/schema/index.ts';
import type { Db } from '../platform/db/database.ts';
import { standingSql } from '../risk/index.ts';
import { cachedView } from './cache.ts';
import { scopeWhere } from './scope.ts';

export interface HeatmapCellCount {
  likelihood: number;
  impact: number;
  count: number;
}

export interface VendorCounts {
  /** Assessed vendors by their band; the others (never assessed, or expired) under not_assessed. */
  byBand: Record<string, number>;
  expired: number;
  byTier: Record<number, number>;
  /** Vendors a completed assessment still vouches for. */
  assessed: number;
  notAssessed: number;
  /** As the lists at /reassessments count them: overdue from the moment the last assessment expires, due soon within DUE_SOON_DAYS calendar days. */
  reassessments: { overdue: number; dueSoon: number };
  /** Assessed vendors by likelihood x impact, ordered by likelihood then impact. */
  residualCells: HeatmapCellCount[];
  /** Every vendor in scope at worst-credible likelihood, by impact, ordered by impact. */
  inherentCells: HeatmapCellCount[];
}

export function vendorCounts(db: Db, filters: DashboardFilters, now: Date): VendorCounts {
  return cachedView(db, `vendorCounts:${JSON.stringify(filters)}`, now, () => countVendors(db, filters, now));
}

function countVendors(db: Db, filters: DashboardFilters, now: Date): VendorCounts {
  const dueSoonEnd = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + DUE_SOON_DAYS + 1);
  const groups = db
    .select({
      standing: standingSql(now),
      band: vendorRisk.band,
      tier: vendorRisk.tier,
      likelihood: vendorRisk.likelihood,
      impact: vendorRisk.impact,
      // Only read for assessed vendors, whose expiry is after now (or unset, which compares as null: not due soon).
      expiresBeforeDueSoonEnd: sql<number | null>`${vendorRisk.assessmentExpiresAt} < ${dueSoonEnd}`,
      count: count(),
    })
    .from(vendors)
    .innerJoin(vendorRisk, eq(vendorRisk.vendorId, vendors.id))
    .where(scopeWhere(filters, now))
    // By position: the standing CASE carries bound parameters, which SQLite would not match with a repeated copy of it.
    .groupBy(sql`1`, sql`2`, sql`3`, sql`4`, sql`5`, sql`6`)
    .all();

  const byBand: Record<string, number> = { low: 0, medium: 0, high: 0, critical: 0, not_assessed: 0 };
  const byTier: Record<number, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  let expired = 0;
  let assessed = 0;
  let dueSoon = 0;
  const residual = new Map<string, HeatmapCellCount>();
  const inherent = new Map<number, HeatmapCellCount>();
  for (const g of groups) {
    const band = g.standing === 'assessed' ? g.band : 'not_assessed';
    byBand[band as string] = (byBand[band as string] ?? 0) + g.count;
    byTier[g.tier] = (byTier[g.tier] ?? 0) + g.count;
    if (g.standing === 'expired') expired += g.count;
    if (g.standing === 'assessed') {
      assessed += g.count;
      if (g.expiresBeforeDueSoonEnd) dueSoon += g.count;
      const key = `${g.likelihood}:${g.impact}`;
      const cell = residual.get(key) ?? { likelihood: g.likelihood as number, impact: g.impact, count: 0 };
      cell.count += g.count;
      residual.set(key, cell);
    }
    const cell = inherent.get(g.impact) ?? { likelihood: INHERENT_LIKELIHOOD, impact: g.impact, count: 0 };
    cell.count += g.count;
    inherent.set(g.impact, cell);
  }
  const total = groups.reduce((n, g) => n + g.count, 0);
  return {
    byBand,
    expired,
    byTier,
    assessed,
    notAssessed: total - assessed,
    // An assessment is overdue for renewal exactly when it has expired.
    reassessments: { overdue: expired, dueSoon },
    residualCells: [...residual.values()].sort(byPosition),
    inherentCells: [...inherent.values()].sort(byPosition),
  };
}

/** The order SQLite's GROUP BY gave the cells: likelihood then impact, ascending, nulls first. */
const byPosition = (a: HeatmapCellCount, b: HeatmapCellCount) => (a.likelihood ?? -Infinity) - (b.likelihood ?? -Infinity) || a.impact - b.impact;
