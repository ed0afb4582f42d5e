/** Key figures: vendors by band and tier, overdue work, records held per category, critical controls failing. */
import { and, asc, count, desc, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import { assessedSql } from '../risk/index.ts';
import { CORE_CATALOGUE_V1 } from '#shared/catalogue/coreV1.ts';
import { toIsoDate } from '#shared/dates.ts';
import type { DashboardFilters } from '#shared/schemas/dashboard.ts';
import { activeTaskCounts, assessments, dataCategoryTotals, dataHoldings, failingControlDays, vendorFailingControls, vendorRisk, vendors, vendorTaskCounts } from '../../drizzle/schema/index.ts';
import type { Db } from '../platform/db/database.ts';
import { cachedView } from './cache.ts';
import { dayOf, expiresOnDay } from './expiryDays.ts';
import { scopedVendorIds, scopeWhere, vendorInScope, wholePortfolio } from './scope.ts';
import { vendorCounts } from './vendorCounts.ts';

export function keyFigures(db: Db, filters: DashboardFilters, now: Date) {
  const today = toIsoDate(now);
  const { byBand, expired, byTier, assessed, reassessments } = vendorCounts(db, filters, now);

  // Open assessments past due are few: each is checked against the scope by its vendor, rather than listing every
  // vendor in scope first (3.5 ms against 0.02 ms at 10,000 vendors).
  const assessmentsOverdue =
    db
      .select({ n: count() })
      .from(assessments)
      .where(and(inArray(assessments.status, ['draft', 'sent', 'in_progress']), isNotNull(assessments.dueDate), lt(assessments.dueDate, today), vendorInScope(assessments.vendorId, filters, now)))
      .get()?.n ?? 0;

  // Active tasks from rollups kept by the database: for the whole portfolio, its counts by severity and due date
  // (active_task_counts, ADR 0040); for a filtered one, the vendors' counts in scope (vendor_task_counts, ADR 0032).
  const taskRows = wholePortfolio(filters)
    ? tasksBySeverity(db, activeTaskCounts, today)
    : tasksBySeverity(db, vendorTaskCounts, today, sql`${vendorTaskCounts.vendorId} in ${scopedVendorIds(filters, now)}`);
  const tasks = Object.fromEntries(['critical', 'high', 'medium', 'low'].map((s) => {
    const row = taskRows.find((r) => r.severity === s);
    return [s, { open: row?.open ?? 0, overdue: row?.overdue ?? 0 }];
  }));

  const recordsByCategory = holdingsByCategory(db, filters, now).map(({ category, records, vendors }) => ({ category, records, vendors }));

  // Share of assessed vendors failing each critical control.
  const failing = failingCounts(db, filters, now);
  const criticalControls = CORE_CATALOGUE_V1.controls
    .filter((c) => c.critical)
    .map((c) => ({ controlId: c.id, title: c.title, failing: failing.get(c.id) ?? 0, assessed, share: assessed ? (failing.get(c.id) ?? 0) / assessed : 0 }));

  return { byBand, expired, byTier, assessmentsOverdue, reassessments, tasks, recordsByCategory, criticalControls };
}

/** Open and overdue (due before `today`) active tasks by severity, from either task rollup. */
function tasksBySeverity(db: Db, counts: typeof activeTaskCounts | typeof vendorTaskCounts, today: string, where?: SQL) {
  return db
    .select({
      severity: counts.severity,
      open: sql<number>`sum(${counts.open})`,
      overdue: sql<number>`sum(case when ${counts.dueDate} < ${today} then ${counts.open} else 0 end)`,
    })
    .from(counts)
    .where(where)
    .groupBy(counts.severity)
    .all();
}

/**
 * How many assessed vendors fail each control, from the failing controls kept as rows (vendor_failing_controls,
 * ADR 0032). Key figures and the failing-controls panel both need it, in the same batch: it is computed once and
 * kept under the same rules as a view's answer (cache.ts).
 */
export function failingCounts(db: Db, filters: DashboardFilters, now: Date): Map<string, number> {
  const where = scopeWhere(filters, now);
  return cachedView(db, `failingCounts:${JSON.stringify(filters)}`, now, () => (wholePortfolio(filters) ? countFailingFromRollup(db, now) : countFailing(db, where, now)));
}

function countFailing(db: Db, where: ReturnType<typeof scopeWhere>, now: Date): Map<string, number> {
  const rows = db.all<{ controlId: string; n: number }>(sql`
    select f.${sql.identifier('control_id')} as controlId, count(*) as n
    from ${vendors} join ${vendorRisk} on ${vendorRisk.vendorId} = ${vendors.id}
      join ${vendorFailingControls} f on f.${sql.identifier('vendor_id')} = ${vendors.id}
    where ${where} and ${assessedSql(now)}
    group by 1`);
  return new Map(rows.map((r) => [r.controlId, r.n]));
}

/**
 * The whole portfolio's count from failing_control_days (migration 0019, ADR 0037), kept by the database by the day
 * each assessment expires: every day after today still vouches all day; today's day is read from the vendors that
 * expire later today (a handful, by the expiry index), since some of it may already have passed. CROSS JOIN keeps
 * SQLite to that order: left to choose, it walked every active vendor first (about 7 ms against 0.01 ms at 10,000).
 * The days after today are most of the table while most assessments still vouch (4,114 of 4,579 rows on the bench
 * portfolio): read straight through (NOT INDEXED) rather than by the primary key's index and a lookup per row (1.4 ms
 * against 0.6 at 10,000 vendors): a row per control and expiry day, so never more rows than failing controls.
 */
function countFailingFromRollup(db: Db, now: Date): Map<string, number> {
  const today = dayOf(now);
  const d = failingControlDays;
  const rows = db.all<{ controlId: string; n: number }>(sql`
    select ${d.controlId} as controlId, sum(${d.vendors}) as n from ${d} not indexed where ${d.expiresDay} > ${today} group by 1
    union all
    select f.${sql.identifier('control_id')}, count(*)
    from ${vendorRisk} cross join ${vendors} on ${vendors.id} = ${vendorRisk.vendorId}
      cross join ${vendorFailingControls} f on f.${sql.identifier('vendor_id')} = ${vendorRisk.vendorId}
    where ${expiresOnDay(today)} and ${vendorRisk.assessmentExpiresAt} > ${now.getTime()}
    group by 1`);
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.controlId, (counts.get(r.controlId) ?? 0) + r.n);
  return counts;
}

/**
 * Records held per category across the vendors in scope, with the vendors holding each and the excess (held but not
 * needed). Key figures and data exposure both show it, in the same batch: computed once, kept like a view's answer.
 */
export function holdingsByCategory(db: Db, filters: DashboardFilters, now: Date) {
  return cachedView(db, `holdingsByCategory:${JSON.stringify(filters)}`, now, () => {
    // The whole portfolio reads the per-category totals the database keeps (data_category_totals, ADR 0037): one row a
    // category instead of two count(distinct) over every holding. Ties in records go by category in both paths.
    if (wholePortfolio(filters)) {
      const t = dataCategoryTotals;
      return db
        .select({ category: t.category, vendors: t.vendors, records: t.records, excessRecords: t.excessRecords, excessVendors: t.excessVendors })
        .from(t)
        .where(sql`${t.records} > 0`)
        .orderBy(desc(t.records), asc(t.category))
        .all();
    }
    return db
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
      .orderBy(sql`3 desc`, dataHoldings.category)
      .all();
  });
}
