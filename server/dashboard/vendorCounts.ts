/**
 * The vendors in scope counted once for the key figures, the heatmap and the failing-controls panel (ADR 0041). Each
 * used to scan vendors JOIN vendor_risk for its own count (bands, tiers, re-assessments, assessed twice, not assessed,
 * the heatmap cells): 4-8 ms each at 10,000 vendors, mostly the join and the standing CASE, not I/O. One scan grouped
 * by standing, band, tier, likelihood, impact and due soon gives a few dozen groups, from which every count is summed
 * here; it is kept like a view's answer (cache.ts), so a batch of views reads it once. The whole portfolio reads the
 * same groups from a rollup the database keeps (ADR 0043) instead of scanning.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import { DUE_SOON_DAYS } from '#shared/remediation/cadence.ts';
import { INHERENT_LIKELIHOOD, type RiskBand } from '#shared/scoring/constants.ts';
import type { DashboardFilters } from '#shared/schemas/dashboard.ts';
import type { AssessmentStanding } from '#shared/statuses.ts';
import { NOT_ASSESSED_DAY, vendorPositionDays, vendorRisk, vendors } from '../../drizzle/schema/index.ts';
import type { Db } from '../platform/db/database.ts';
import { standingSql } from '../risk/index.ts';
import { cachedView } from './cache.ts';
import { dayOf, expiresOnDay } from './expiryDays.ts';
import { scopeWhere, wholePortfolio } from './scope.ts';

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

/** One group of vendors in scope that stand alike: every count below is a sum of these. */
interface VendorGroup {
  standing: AssessmentStanding;
  band: RiskBand | null;
  tier: number;
  likelihood: number | null;
  impact: number;
  /** Assessed vendors only: the assessment expires before the due-soon window ends. */
  expiresBeforeDueSoonEnd: boolean;
  count: number;
}

function countVendors(db: Db, filters: DashboardFilters, now: Date): VendorCounts {
  const dueSoonEnd = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + DUE_SOON_DAYS + 1);
  const groups = wholePortfolio(filters) ? groupsFromRollup(db, now, dueSoonEnd) : scanGroups(db, filters, now, dueSoonEnd);
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

/** The vendors in scope grouped by one scan of vendors JOIN vendor_risk: any filter. */
function scanGroups(db: Db, filters: DashboardFilters, now: Date, dueSoonEnd: number): VendorGroup[] {
  return db
    .select({
      standing: standingSql(now),
      band: vendorRisk.band,
      tier: vendorRisk.tier,
      likelihood: vendorRisk.likelihood,
      impact: vendorRisk.impact,
      // Only read for assessed vendors, whose expiry is after now (or unset, which compares as null: not due soon).
      expiresBeforeDueSoonEnd: sql<boolean>`coalesce(${vendorRisk.assessmentExpiresAt} < ${dueSoonEnd}, 0)`.mapWith(Boolean),
      count: count(),
    })
    .from(vendors)
    .innerJoin(vendorRisk, eq(vendorRisk.vendorId, vendors.id))
    .where(scopeWhere(filters, now))
    // By position: the standing CASE carries bound parameters, which SQLite would not match with a repeated copy of it.
    .groupBy(sql`1`, sql`2`, sql`3`, sql`4`, sql`5`, sql`6`)
    .all();
}

/**
 * The whole active portfolio's groups from vendor_position_days (migration 0022, ADR 0043), a few hundred rows kept by
 * the database, instead of a scan of every vendor (0.2 ms against 8-13 ms at 10,000 vendors). A day after today still
 * vouches all day and a day before today has expired; today's vendors are read one by one from vendor_risk by the
 * expiry index, since some of today may already have passed (CROSS JOIN keeps SQLite to that order, as
 * countFailingFromRollup does).
 */
function groupsFromRollup(db: Db, now: Date, dueSoonEnd: number): VendorGroup[] {
  const today = dayOf(now);
  const dueSoonEndDay = dayOf(dueSoonEnd);
  const p = vendorPositionDays;
  const rolled = db
    .select({ expiresDay: p.expiresDay, tier: p.tier, band: p.band, likelihood: p.likelihood, impact: p.impact, count: p.vendors })
    .from(p)
    .where(sql`${p.expiresDay} <> ${today}`)
    .all();
  const groups: VendorGroup[] = rolled.map((r) => ({
    standing: r.expiresDay === NOT_ASSESSED_DAY ? 'not_assessed' : r.expiresDay < today ? 'expired' : 'assessed',
    band: (r.band || null) as RiskBand | null,
    tier: r.tier,
    likelihood: r.likelihood || null,
    impact: r.impact,
    expiresBeforeDueSoonEnd: r.expiresDay > today && r.expiresDay < dueSoonEndDay,
    count: r.count,
  }));
  const expiringToday = db
    .select({ standing: standingSql(now), band: vendorRisk.band, tier: vendorRisk.tier, likelihood: vendorRisk.likelihood, impact: vendorRisk.impact })
    .from(vendorRisk)
    .crossJoin(vendors)
    .where(and(eq(vendors.id, vendorRisk.vendorId), expiresOnDay(today)))
    .all();
  // Today's day ends before the due-soon window does (it starts today): every one still vouching is due soon.
  for (const v of expiringToday) groups.push({ ...v, expiresBeforeDueSoonEnd: v.standing === 'assessed', count: 1 });
  return groups;
}

/** The order SQLite's GROUP BY gave the cells: likelihood then impact, ascending, nulls first. */
const byPosition = (a: HeatmapCellCount, b: HeatmapCellCount) => (a.likelihood ?? -Infinity) - (b.likelihood ?? -Infinity) || a.impact - b.impact;
