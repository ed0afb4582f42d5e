/** Reading the vendor inventory with each vendor's stored risk position. */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { toIsoDate } from '#shared/dates.ts';
import type { VendorListOptions } from '#shared/schemas/vendors.ts';
import { vendorOpenTasks, vendorRisk, vendors, vendorTaskCounts } from '../../drizzle/schema/index.ts';
import type { Db } from '../platform/db/database.ts';
import { bandFilterSql, rankRiskSql, standingSql } from '../risk/index.ts';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Open and overdue task counts for the given vendors only (a page of them, not the whole portfolio), from the rollup the database keeps (ADR 0032). */
export function taskCountsFor(db: Db, vendorIds: number[], now: Date): Map<number, { open: number; overdue: number }> {
  if (vendorIds.length === 0) return new Map();
  const today = toIsoDate(now);
  const rows = db
    .select({
      vendorId: vendorTaskCounts.vendorId,
      open: sql<number>`sum(${vendorTaskCounts.open})`,
      overdue: sql<number>`sum(case when ${vendorTaskCounts.dueDate} < ${today} then ${vendorTaskCounts.open} else 0 end)`,
    })
    .from(vendorTaskCounts)
    .where(inArray(vendorTaskCounts.vendorId, vendorIds))
    .groupBy(vendorTaskCounts.vendorId)
    .all();
  return new Map(rows.map((r) => [r.vendorId, { open: r.open, overdue: r.overdue }]));
}

export function listVendors(db: Db, options: VendorListOptions, now: Date) {
  const standing = standingSql(now);
  const rankRisk = rankRiskSql(now);
  // Only used to sort by open tasks: one row per vendor with tasks, kept by the database (vendor_open_tasks, ADR 0040).
  const openTasksSql = sql<number>`coalesce((select ${vendorOpenTasks.open} from ${vendorOpenTasks} where ${vendorOpenTasks.vendorId} = ${vendors.id}), 0)`;

  const filters: SQL[] = [];
  if (!options.includeArchived) filters.push(eq(vendors.status, 'active'));
  if (options.search) filters.push(sql`${vendors.name} like ${`%${escapeLike(options.search)}%`} escape '\\'`);
  if (options.tiers?.length) filters.push(inArray(vendorRisk.tier, options.tiers));
  const bandFilter = bandFilterSql(options.bands ?? [], now);
  if (bandFilter) filters.push(bandFilter);
  const where = filters.length ? and(...filters) : undefined;

  const direction = options.direction === 'asc' ? asc : desc;
  const sortColumns: Record<VendorListOptions['sort'], SQL[]> = {
    // At equal rank a risk we have measured comes before one we only presume.
    risk: [direction(rankRisk), direction(vendorRisk.impact), asc(sql`case when ${standing} = 'assessed' then 0 else 1 end`)],
    name: [direction(sql`${vendors.name} collate nocase`)],
    tier: [direction(vendorRisk.tier), desc(rankRisk)],
    grade: [direction(sql`coalesce(${vendorRisk.score}, -1)`)],
    records: [direction(vendorRisk.largestHolding)],
    openTasks: [direction(openTasksSql), desc(rankRisk)],
  };

  const page = db
    .select({
      id: vendors.id,
      name: vendors.name,
      services: vendors.services,
      status: vendors.status,
      tier: vendorRisk.tier,
      tierOverridden: sql<boolean>`${vendors.tierOverride} is not null`.mapWith(Boolean),
      standing,
      score: vendorRisk.score,
      grade: vendorRisk.grade,
      likelihood: vendorRisk.likelihood,
      impact: vendorRisk.impact,
      residual: vendorRisk.residual,
      band: vendorRisk.band,
      inherentResidual: vendorRisk.inherentResidual,
      inherentBand: vendorRisk.inherentBand,
      projectedResidual: vendorRisk.projectedResidual,
      largestHolding: vendorRisk.largestHolding,
      mostSensitiveCategory: vendorRisk.mostSensitiveCategory,
      excessData: vendorRisk.excessData,
      assessedAt: vendorRisk.assessedAt,
    })
    .from(vendors)
    .innerJoin(vendorRisk, eq(vendorRisk.vendorId, vendors.id))
    .where(where)
    .orderBy(...sortColumns[options.sort], asc(sql`${vendors.name} collate nocase`), asc(vendors.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .all();
  const counts = taskCountsFor(db, page.map((r) => r.id), now);
  const rows = page.map((r) => ({ ...r, openTasks: counts.get(r.id)?.open ?? 0, overdueTasks: counts.get(r.id)?.overdue ?? 0 }));
  const total =
    db
      .select({ count: sql<number>`count(*)` })
      .from(vendors)
      .innerJoin(vendorRisk, eq(vendorRisk.vendorId, vendors.id))
      .where(where)
      .get()?.count ?? 0;
  return { rows, total, page: options.page, pageSize: options.pageSize };
}

export type VendorListRow = ReturnType<typeof listVendors>['rows'][number];
