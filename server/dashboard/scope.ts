/**
 * The vendors a dashboard view covers: active vendors matching the filters.
 * Every view reads stored positions (vendor_risk) and stored dates, so the
 * numbers come from a few indexed queries, never from rescoring.
 */
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DashboardFilters } from '../../shared/schemas/dashboard.ts';
import { vendorRisk, vendors } from '../../drizzle/schema/index.ts';
import { standingSql } from '../vendors/index.ts';

export function scopeWhere(filters: DashboardFilters, now: Date): SQL {
  const clauses: SQL[] = [eq(vendors.status, 'active')];
  if (filters.tiers?.length) clauses.push(inArray(vendorRisk.tier, filters.tiers));
  if (filters.owners?.length) clauses.push(inArray(vendors.businessOwner, filters.owners));
  if (filters.services?.length) {
    clauses.push(sql`exists (select 1 from json_each(${vendors.services}) where json_each.value in ${filters.services})`);
  }
  if (filters.bands?.length) {
    const standing = standingSql(now);
    const bands = filters.bands.filter((b) => b !== 'not_assessed');
    const any: SQL[] = [];
    if (bands.length) any.push(and(sql`${standing} = 'assessed'`, inArray(vendorRisk.band, bands))!);
    if (filters.bands.includes('not_assessed')) any.push(sql`${standing} <> 'assessed'`);
    clauses.push(or(...any)!);
  }
  return and(...clauses)!;
}

/** True while a completed assessment still vouches for the vendor. */
export const assessedSql = (now: Date) => sql`(${vendorRisk.assessmentId} is not null and ${vendorRisk.assessmentExpiresAt} > ${now.getTime()})`;

/** The ids of the vendors in scope, as a subquery: lets big tables filter by vendor without joining. */
export const scopedVendorIds = (filters: DashboardFilters, now: Date) =>
  sql`(select ${vendors.id} from ${vendors} join ${vendorRisk} on ${vendorRisk.vendorId} = ${vendors.id} where ${scopeWhere(filters, now)})`;
