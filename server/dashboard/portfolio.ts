/** Data exposure, failing controls, fourth parties, trends and top risks across the portfolio. */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { subMonths } from 'date-fns';
import { findAttackTechnique } from '#shared/catalogue/attackTechniques.ts';
import { CORE_CATALOGUE_V1 } from '#shared/catalogue/coreV1.ts';
import type { DashboardFilters } from '#shared/schemas/dashboard.ts';
import { dataHoldings, riskMonthTotals, riskSnapshotMonths, subProcessors, vendorRisk, vendors } from '../../drizzle/schema/index.ts';
import type { Db } from '../platform/db/database.ts';
import { taskCountsFor } from '../vendors/index.ts';
import { assessedSql, standingSql } from '../risk/index.ts';
import { failingCounts, holdingsByCategory } from './figures.ts';
import { scopedVendorIds, scopeReadsPositions, scopeWhere, wholePortfolio } from './scope.ts';
import { vendorCounts } from './vendorCounts.ts';

/** Records per vendor by category (the vendors holding most), and per category across vendors. */
export function dataExposure(db: Db, filters: DashboardFilters, now: Date, topVendors = 20) {
  const where = scopeWhere(filters, now);
  const top = db
    .select({ id: vendors.id, name: vendors.name, largestHolding: vendorRisk.largestHolding })
    // From the top of the largest-holding index (migration 0021), each position matched to its vendor until 20 are in
    // scope (CROSS JOIN keeps that order): left to choose, SQLite walked every active vendor and sorted them all
    // (3.3 ms against 0.04 ms for the whole portfolio at 10,000 vendors).
    .from(vendorRisk)
    .crossJoin(vendors)
    .where(and(eq(vendors.id, vendorRisk.vendorId), where, sql`${vendorRisk.largestHolding} > 0`))
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
  const byCategory = holdingsByCategory(db, filters, now);
  return {
    vendors: top.map((v) => ({ ...v, holdings: holdings.filter((h) => h.vendorId === v.id).map(({ category, records, excess }) => ({ category, records, excess })) })),
    byCategory,
  };
}

/** How many vendors fail each control, by domain, with the attack techniques each gap leaves open. */
export function failingControls(db: Db, filters: DashboardFilters, now: Date) {
  const counts = failingCounts(db, filters, now);
  const { assessed } = vendorCounts(db, filters, now);
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
  const query = db
    .select({ key: sql<string>`lower(trim(${subProcessors.name}))`, name: subProcessors.name, vendorId: vendors.id, vendorName: vendors.name, country: subProcessors.country, dataShared: subProcessors.dataShared })
    // From the sub-processors (1,429 on the bench portfolio) to their vendors, in name order by their index: left to
    // choose, SQLite walked all 10,000 active vendors to find theirs, then sorted (4.7 ms against 3.5 at 10,000).
    // A name's vendors are listed by id, as the whole portfolio's plan happened to give them.
    .from(subProcessors)
    .crossJoin(vendors);
  // The positions (wide rows) are read only when a tier or band filter needs them.
  const rows = (scopeReadsPositions(filters) ? query.crossJoin(vendorRisk).where(and(eq(vendors.id, subProcessors.vendorId), eq(vendorRisk.vendorId, vendors.id), where)) : query.where(and(eq(vendors.id, subProcessors.vendorId), where)))
    .orderBy(asc(subProcessors.name), asc(vendors.id))
    .all();
  const groups = new Map<string, { name: string; vendors: Map<number, { id: number; name: string }>; countries: Set<string>; categories: Set<string> }>();
  for (const r of rows) {
    const g = groups.get(r.key) ?? { name: r.name.trim(), vendors: new Map(), countries: new Set(), categories: new Set() };
    if (!g.vendors.has(r.vendorId)) g.vendors.set(r.vendorId, { id: r.vendorId, name: r.vendorName });
    if (r.country) g.countries.add(r.country);
    for (const c of r.dataShared) g.categories.add(c);
    groups.set(r.key, g);
  }
  return [...groups.values()]
    .filter((g) => g.vendors.size >= 2)
    .map((g) => ({ name: g.name, vendorCount: g.vendors.size, vendors: [...g.vendors.values()], countries: [...g.countries].sort(), categories: [...g.categories].sort() }))
    .sort((a, b) => b.vendorCount - a.vendorCount || a.name.localeCompare(b.name));
}

type TrendRow = {
  month: string;
  vendors: number;
  totalResidual: number;
  averageResidual: number | null;
  low: number;
  medium: number;
  high: number;
  critical: number;
  notAssessed: number;
  openTasks: number;
  overdueTasks: number;
};

/**
 * Month by month, from the risk snapshots (the monthly ones, and those a
 * review or a profile change took): residual risk, band counts and open
 * work. A vendor counts once a month, at its latest snapshot in that month,
 * so a month shows where each vendor stood at its end (or now).
 *
 * Read from rollups the database keeps (migration 0018, ADR 0032):
 * risk_snapshot_months holds each vendor's latest snapshot of each month,
 * and risk_month_totals those rows summed over the active portfolio. The
 * whole portfolio reads the totals; the window's first month starts
 * part-way through, so the vendors' months before its start are taken off
 * (ADR 0041). A filtered portfolio sums the vendors' months in scope.
 */
export function trends(db: Db, filters: DashboardFilters, now: Date, months = 12): TrendRow[] {
  // From the start of the day (UTC) twelve months back: the window moves once a day, not every millisecond.
  const since = subMonths(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()), months).getTime();
  const firstMonth = new Date(since).toISOString().slice(0, 7);
  const m = riskSnapshotMonths;
  // A vendor's month counts when its latest snapshot that month falls in the window: in the first month, that is
  // exactly when any of its snapshots that month does (the latest is then one of them).
  const summed = (where: SQL) => sql`
    select ${m.month} as month, count(*) as vendors, coalesce(sum(${m.residual}), 0) as totalResidual, round(avg(${m.residual}), 1) as averageResidual,
           -- a month of unassessed vendors only has no bands: zero, not null
           coalesce(sum(${m.band} = 'low'), 0) as low, coalesce(sum(${m.band} = 'medium'), 0) as medium,
           coalesce(sum(${m.band} = 'high'), 0) as high, coalesce(sum(${m.band} = 'critical'), 0) as critical,
           sum(${m.standing} <> 'assessed') as notAssessed, sum(${m.openTasks}) as openTasks, sum(${m.overdueTasks}) as overdueTasks
    from ${m} where ${where} group by ${m.month}`;
  if (!wholePortfolio(filters)) {
    return db.all<TrendRow>(sql`${summed(sql`${m.month} >= ${firstMonth} and ${m.takenAt} >= ${since} and ${m.vendorId} in ${scopedVendorIds(filters, now)}`)} order by 1`);
  }
  const t = riskMonthTotals;
  const beforeWindow = sql`${m.month} = ${firstMonth} and ${m.takenAt} < ${since}`;
  // The first month is the month's totals less the vendors' months that fell before the window, when those are the
  // fewer (at 10,000 vendors, summing the ones in the window read every vendor: 7-10 ms against 0.1 ms); otherwise
  // the ones in the window, summed. Counting the ones before stops once they are known to be the more. The ones
  // before are matched to their vendor one by one (CROSS JOIN keeps that order): `in` the vendors in scope would
  // first list all 10,000.
  const monthVendors = db.select({ n: t.vendors }).from(t).where(eq(t.month, firstMonth)).get()?.n ?? 0;
  const half = Math.floor(monthVendors / 2);
  const before = db.get<{ n: number }>(sql`select count(*) as n from (select 1 from ${m} where ${beforeWindow} limit ${half + 1})`).n;
  const first =
    before <= half
      ? db.all<TrendRow>(sql`
          select ${t.month} as month, ${t.vendors} - b.vendors as vendors, ${t.residualSum} - b.residualSum as totalResidual,
                 case when ${t.residualCount} - b.residualCount > 0
                   then round(cast(${t.residualSum} - b.residualSum as real) / (${t.residualCount} - b.residualCount), 1) end as averageResidual,
                 ${t.low} - b.low as low, ${t.medium} - b.medium as medium, ${t.high} - b.high as high, ${t.critical} - b.critical as critical,
                 ${t.notAssessed} - b.notAssessed as notAssessed, ${t.openTasks} - b.openTasks as openTasks, ${t.overdueTasks} - b.overdueTasks as overdueTasks
          from ${t}, (
            select count(*) as vendors, coalesce(sum(${m.residual}), 0) as residualSum, count(${m.residual}) as residualCount,
                   coalesce(sum(${m.band} = 'low'), 0) as low, coalesce(sum(${m.band} = 'medium'), 0) as medium,
                   coalesce(sum(${m.band} = 'high'), 0) as high, coalesce(sum(${m.band} = 'critical'), 0) as critical,
                   coalesce(sum(${m.standing} <> 'assessed'), 0) as notAssessed, coalesce(sum(${m.openTasks}), 0) as openTasks,
                   coalesce(sum(${m.overdueTasks}), 0) as overdueTasks
            from ${m} cross join ${vendors} on ${vendors.id} = ${m.vendorId} cross join ${vendorRisk} on ${vendorRisk.vendorId} = ${vendors.id}
            where ${beforeWindow} and ${scopeWhere(filters, now)}) b
          where ${t.month} = ${firstMonth} and ${t.vendors} - b.vendors > 0`)
      : db.all<TrendRow>(summed(sql`${m.month} = ${firstMonth} and ${m.takenAt} >= ${since} and ${m.vendorId} in ${scopedVendorIds(filters, now)}`));
  const later = db.all<TrendRow>(sql`
    select ${t.month} as month, ${t.vendors} as vendors, ${t.residualSum} as totalResidual,
           case when ${t.residualCount} > 0 then round(cast(${t.residualSum} as real) / ${t.residualCount}, 1) end as averageResidual,
           ${t.low} as low, ${t.medium} as medium, ${t.high} as high, ${t.critical} as critical, ${t.notAssessed} as notAssessed,
           ${t.openTasks} as openTasks, ${t.overdueTasks} as overdueTasks
    from ${t} where ${t.month} > ${firstMonth} and ${t.vendors} > 0 order by ${t.month}`);
  return [...first, ...later];
}

/**
 * The riskiest vendors now, and where they would stand with their open tasks closed: by rank (residual while assessed,
 * inherent otherwise), impact, assessed first, then name.
 *
 * Each standing is read apart, from the top of its own index (ADR 0044): assessed vendors by residual, the others by
 * inherent residual, each matched to its vendor (CROSS JOIN keeps that order) until `limit` are in scope. The walks read
 * only the index and the vendor's name; the two short lists are then ordered together and only the winners' positions
 * are read. One statement over both had to rank every vendor in scope and sort them (4.5 ms at 10,000 vendors).
 */
export function topRisks(db: Db, filters: DashboardFilters, now: Date, limit = 10) {
  const where = scopeWhere(filters, now);
  const walk = (assessed: boolean) => {
    const rank = assessed ? vendorRisk.residual : vendorRisk.inherentResidual;
    return sql`select ${vendorRisk.vendorId} as id, ${vendors.name} as name, ${rank} as rank, ${vendorRisk.impact} as impact, ${assessed ? 0 : 1} as unassessed
      from ${vendorRisk} cross join ${vendors}
      where ${vendors.id} = ${vendorRisk.vendorId} and ${where} and ${assessed ? assessedSql(now) : sql`not ${assessedSql(now)}`}
      order by ${rank} desc, ${vendorRisk.impact} desc, ${vendors.name} limit ${limit}`;
  };
  const ranked = db.all<{ id: number }>(sql`
    select id from (select * from (${walk(true)}) union all select * from (${walk(false)}))
    order by rank desc, impact desc, unassessed, name limit ${limit}`);
  const ids = ranked.map((r) => r.id);
  const positions = new Map(
    (ids.length
      ? db
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
          .where(inArray(vendors.id, ids))
          .all()
      : []
    ).map((v) => [v.id, v]),
  );
  const counts = taskCountsFor(db, ids, now);
  return ids.map((id) => ({ ...positions.get(id)!, openTasks: counts.get(id)?.open ?? 0, overdueTasks: counts.get(id)?.overdue ?? 0 }));
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
