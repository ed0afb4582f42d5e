/** Data exposure, failing controls, fourth parties, trends and top risks across the portfolio. */
import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { subMonths } from 'date-fns';
import { findAttackTechnique } from '../../../shared/catalogue/attackTechniques.ts';
import { CORE_CATALOGUE_V1 } from '../../../shared/catalogue/coreV1.ts';
import type { DashboardFilters } from '../../../shared/schemas/dashboard.ts';
import { dataHoldings, riskSnapshots, subProcessors, vendorRisk, vendors } from '../../../drizzle/schema/index.ts';
import type { Db } from '../../db/database.ts';
import { rankRiskSql, standingSql, taskCountsFor } from '../vendors.ts';
import { failingCounts } from './figures.ts';
import { assessedSql, scopedVendorIds, scopeWhere } from './scope.ts';

/** Records per vendor by category (the vendors holding most), and per category across vendors. */
export function dataExposure(db: Db, filters: DashboardFilters, now: Date, topVendors = 20) {
  const where = scopeWhere(filters, now);
  const top = db
    .select({ id: vendors.id, name: vendors.name, largestHolding: vendorRisk.largestHolding })
    .from(vendors)
    .innerJoin(vendorRisk, eq(vendorRisk.vendorId, vendors.id))
    .where(and(where, sql`${vendorRisk.largestHolding} > 0`))
    .orderBy(desc(vendorRisk.largestHolding), asc(vendors.name))
    .limit(topVendors)
    .all();
  const holdings = top.length
    ? db
        .select({ vendorId: dataHoldings.vendorId, category: dataHoldings.category, records: sql<number>`sum(${dataHoldings.records})`, excess: sql<number>`sum(case when ${dataHoldings.needed} then 0 else ${dataHoldings.records} end)` })
        .from(dataHoldings)
        .where(inArray(dataHoldings.vendorId, top.map((v) => v.id)))
        .groupBy(dataHoldings.vendorId, dataHoldings.category)
        .all()
    : [];
  const byCategory = db
    .select({
      category: dataHoldings.category,
      vendors: sql<number>`count(distinct ${dataHoldings.vendorId})`,
      records: sql<number>`sum(${dataHoldings.records})`,
      excessRecords: sql<number>`sum(case when ${dataHoldings.needed} then 0 else ${dataHoldings.records} end)`,
      excessVendors: sql<number>`count(distinct case when ${dataHoldings.needed} then null else ${dataHoldings.vendorId} end)`,
    })
    .from(dataHoldings)
    .where(and(sql`${dataHoldings.vendorId} in ${scopedVendorIds(filters, now)}`, sql`${dataHoldings.records} > 0`))
    .groupBy(dataHoldings.category)
    .orderBy(sql`3 desc`)
    .all();
  return {
    vendors: top.map((v) => ({ ...v, holdings: holdings.filter((h) => h.vendorId === v.id).map(({ category, records, excess }) => ({ category, records, excess })) })),
    byCategory,
  };
}

/** How many vendors fail each control, by domain, with the attack techniques each gap leaves open. */
export function failingControls(db: Db, filters: DashboardFilters, now: Date) {
  const where = scopeWhere(filters, now);
  const counts = failingCounts(db, where, now);
  const assessed = db.select({ n: sql<number>`count(*)` }).from(vendors).innerJoin(vendorRisk, eq(vendorRisk.vendorId, vendors.id)).where(and(where, assessedSql(now))).get()?.n ?? 0;
  return {
    assessed,
    domains: CORE_CATALOGUE_V1.domains.map((d) => ({
      domain: d.id,
      name: d.name,
      controls: CORE_CATALOGUE_V1.controls
        .filter((c) => c.domain === d.id)
        .map((c) => ({
          controlId: c.id,
          title: c.title,
          severity: c.severity,
          critical: c.critical,
          failing: counts.get(c.id) ?? 0,
          techniques: c.techniques.map((t) => ({ id: t, name: findAttackTechnique(t)?.name ?? t })),
        })),
    })),
  };
}

/** Sub-processors that several vendors share: one breach there reaches all of them. */
export function fourthParties(db: Db, filters: DashboardFilters, now: Date) {
  const where = scopeWhere(filters, now);
  const rows = db
    .select({ key: sql<string>`lower(trim(${subProcessors.name}))`, name: subProcessors.name, vendorId: vendors.id, vendorName: vendors.name, country: subProcessors.country, dataShared: subProcessors.dataShared })
    .from(subProcessors)
    .innerJoin(vendors, eq(vendors.id, subProcessors.vendorId))
    .innerJoin(vendorRisk, eq(vendorRisk.vendorId, vendors.id))
    .where(where)
    .orderBy(asc(subProcessors.name))
    .all();
  const groups = new Map<string, { name: string; vendors: { id: number; name: string }[]; countries: Set<string>; categories: Set<string> }>();
  for (const r of rows) {
    const g = groups.get(r.key) ?? { name: r.name, vendors: [], countries: new Set(), categories: new Set() };
    if (!g.vendors.some((v) => v.id === r.vendorId)) g.vendors.push({ id: r.vendorId, name: r.vendorName });
    if (r.country) g.countries.add(r.country);
    for (const c of r.dataShared) g.categories.add(c);
    groups.set(r.key, g);
  }
  return [...groups.values()]
    .filter((g) => g.vendors.length >= 2)
    .map((g) => ({ name: g.name, vendorCount: g.vendors.length, vendors: g.vendors, countries: [...g.countries].sort(), categories: [...g.categories].sort() }))
    .sort((a, b) => b.vendorCount - a.vendorCount || a.name.localeCompare(b.name));
}

/** Month by month, from the monthly risk snapshots: residual risk, band counts and open work. */
export function trends(db: Db, filters: DashboardFilters, now: Date, months = 12) {
  const since = subMonths(now, months);
  const month = sql<string>`strftime('%Y-%m', ${riskSnapshots.takenAt} / 1000, 'unixepoch')`;
  return db
    .select({
      month,
      vendors: sql<number>`count(*)`,
      totalResidual: sql<number>`coalesce(sum(${riskSnapshots.residual}), 0)`,
      averageResidual: sql<number | null>`round(avg(${riskSnapshots.residual}), 1)`,
      low: sql<number>`sum(case when ${riskSnapshots.band} = 'low' then 1 else 0 end)`,
      medium: sql<number>`sum(case when ${riskSnapshots.band} = 'medium' then 1 else 0 end)`,
      high: sql<number>`sum(case when ${riskSnapshots.band} = 'high' then 1 else 0 end)`,
      critical: sql<number>`sum(case when ${riskSnapshots.band} = 'critical' then 1 else 0 end)`,
      notAssessed: sql<number>`sum(case when ${riskSnapshots.standing} = 'assessed' then 0 else 1 end)`,
      openTasks: sql<number>`sum(${riskSnapshots.openTasks})`,
      overdueTasks: sql<number>`sum(${riskSnapshots.overdueTasks})`,
    })
    .from(riskSnapshots)
    .where(and(sql`${riskSnapshots.vendorId} in ${scopedVendorIds(filters, now)}`, eq(riskSnapshots.reason, 'monthly'), gte(riskSnapshots.takenAt, since)))
    .groupBy(month)
    .orderBy(month)
    .all();
}

/** The riskiest vendors now, and where they would stand with their open tasks closed. */
export function topRisks(db: Db, filters: DashboardFilters, now: Date, limit = 10) {
  const where = scopeWhere(filters, now);
  const top = db
    .select({
      id: vendors.id,
      name: vendors.name,
      tier: vendorRisk.tier,
      standing: standingSql(now),
      likelihood: vendorRisk.likelihood,
      impact: vendorRisk.impact,
      residual: vendorRisk.residual,
      band: vendorRisk.band,
      inherentResidual: vendorRisk.inherentResidual,
      projectedResidual: vendorRisk.projectedResidual,
      projectedBand: vendorRisk.projectedBand,
    })
    .from(vendors)
    .innerJoin(vendorRisk, eq(vendorRisk.vendorId, vendors.id))
    .where(where)
    .orderBy(desc(rankRiskSql(now)), desc(vendorRisk.impact), asc(sql`case when ${standingSql(now)} = 'assessed' then 0 else 1 end`), asc(vendors.name))
    .limit(limit)
    .all();
  const counts = taskCountsFor(db, top.map((v) => v.id), now);
  return top.map((v) => ({ ...v, openTasks: counts.get(v.id)?.open ?? 0, overdueTasks: counts.get(v.id)?.overdue ?? 0 }));
}

/** Business owners to offer as a filter. */
export function ownerOptions(db: Db): string[] {
  return db
    .selectDistinct({ owner: vendors.businessOwner })
    .from(vendors)
    .where(and(eq(vendors.status, 'active'), sql`${vendors.businessOwner} is not null`))
    .orderBy(asc(vendors.businessOwner))
    .all()
    .map((r) => r.owner!)
    .filter(Boolean);
}
