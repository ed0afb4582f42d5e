/**
 * The vendors a dashboard view covers: active vendors matching the filters.
 * Every view reads stored positions (vendor_risk) and stored dates, so the
 * numbers come from a few indexed queries, never from rescoring.
 */
import { and, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { DashboardFilters } from '#shared/schemas/dashboard.ts';
import { vendorRisk, vendors } from '../../drizzle/schema/index.ts';
import { bandFilterSql } from '../risk/index.ts';

export function scopeWhere(filters: DashboardFilters, now: Date): SQL {
  const clauses: SQL[] = [eq(vendors.status, 'active')];
  if (filters.tiers?.length) clauses.push(inArray(vendorRisk.tier, filters.tiers));
  if (filters.owners?.length) clauses.push(inArray(vendors.businessOwner, filters.owners));
  if (filters.services?.length) {
    clauses.push(sql`exists (select 1 from json_each(${vendors.services}) where json_each.value in ${filters.services})`);
  }
  const bandFilter = bandFilterSql(filters.bands ?? [], now);
  if (bandFilter) clauses.push(bandFilter);
  return and(...clauses)!;
}

/** True when scopeWhere reads vendor_risk (a tier or band filter): otherwise a query over vendors alone may leave it out. */
export const scopeReadsPositions = (filters: DashboardFilters) => Boolean(filters.tiers?.length || filters.bands?.length);

/** The ids of the vendors in scope, as a subquery: lets big tables filter by vendor without joining. */
export const scopedVendorIds = (filters: DashboardFilters, now: Date) =>
  sql`(select ${vendors.id} from ${vendors} join ${vendorRisk} on ${vendorRisk.vendorId} = ${vendors.id} where ${scopeWhere(filters, now)})`;

/** True when the vendor is in scope, checked row by row: for a few rows, cheaper than listing every vendor in scope. */
export const vendorInScope = (vendorId: SQLWrapper, filters: DashboardFilters, now: Date) =>
  sql`exists (select 1 from ${vendors} join ${vendorRisk} on ${vendorRisk.vendorId} = ${vendors.id} where ${vendors.id} = ${vendorId} and ${scopeWhere(filters, now)})`;

/** True when no filter narrows the view: the whole active portfolio, which the rollup totals describe as they stand. */
export const wholePortfolio = (filters: DashboardFilters) => !filters.tiers?.length && !filters.owners?.length && !filters.services?.length && !filters.bands?.length;
