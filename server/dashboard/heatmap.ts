/** The likelihood x impact heatmap, residual or inherent, and the vendors in one cell. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DashboardFilters } from '#shared/schemas/dashboard.ts';
import { INHERENT_LIKELIHOOD } from '#shared/scoring/constants.ts';
import { vendorRisk, vendors } from '../../drizzle/schema/index.ts';
import type { Db } from '../platform/db/database.ts';
import { assessedSql, standingSql } from '../risk/index.ts';
import { scopeWhere } from './scope.ts';
import { vendorCounts } from './vendorCounts.ts';

export type HeatmapView = 'residual' | 'inherent';

export function heatmap(db: Db, filters: DashboardFilters, view: HeatmapView, now: Date) {
  const where = scopeWhere(filters, now);
  const counts = vendorCounts(db, filters, now);
  const cells = view === 'residual' ? counts.residualCells : counts.inherentCells;
  // Not assessed (never, or expired): shown apart with their inherent impact, never as low risk. Read from the top of
  // the impact index, each matched to its vendor (CROSS JOIN keeps that order) until 200 are in scope (ADR 0044):
  // left to choose, SQLite listed every active vendor and sorted them (1.9 ms against 0.6 at 10,000 vendors).
  const notAssessed = db
    .select({ id: vendors.id, name: vendors.name, impact: vendorRisk.impact, standing: standingSql(now), tier: vendorRisk.tier })
    .from(vendorRisk)
    .crossJoin(vendors)
    .where(and(eq(vendors.id, vendorRisk.vendorId), where, sql`not ${assessedSql(now)}`))
    .orderBy(desc(vendorRisk.impact), asc(vendors.name))
    .limit(200)
    .all();
  const notAssessedTotal = counts.notAssessed;
  return { view, cells, notAssessed, notAssessedTotal };
}

export function heatmapCell(db: Db, filters: DashboardFilters, view: HeatmapView, likelihood: number, impact: number, now: Date) {
  const where = scopeWhere(filters, now);
  const inCell =
    view === 'residual'
      ? and(assessedSql(now), eq(vendorRisk.likelihood, likelihood), eq(vendorRisk.impact, impact))
      : likelihood === INHERENT_LIKELIHOOD
        ? eq(vendorRisk.impact, impact)
        : sql`0`;
  return db
    .select({
      id: vendors.id,
      name: vendors.name,
      tier: vendorRisk.tier,
      grade: vendorRisk.grade,
      residual: vendorRisk.residual,
      band: vendorRisk.band,
      inherentResidual: vendorRisk.inherentResidual,
      standing: standingSql(now),
      largestHolding: vendorRisk.largestHolding,
    })
    .from(vendors)
    .innerJoin(vendorRisk, eq(vendorRisk.vendorId, vendors.id))
    .where(and(where, inCell))
    .orderBy(asc(vendors.name))
    .limit(500)
    .all();
}
