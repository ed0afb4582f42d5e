/**
 * The day keys of the rollups kept by assessment expiry (failing_control_days, migration 0019; vendor_position_days,
 * migration 0022): UTC days since the epoch, as their triggers write them. Their readers take every day but today
 * from the rollup and today's vendors from vendor_risk, since part of today may already have passed.
 */
import { sql } from 'drizzle-orm';
import { vendorRisk, vendors } from '../../drizzle/schema/index.ts';

const DAY_MS = 86_400_000;

/** The day key of a moment: floor(ms / 86,400,000), as the triggers compute it from an expiry. */
export const dayOf = (at: Date | number) => Math.floor((typeof at === 'number' ? at : at.getTime()) / DAY_MS);

/** Active vendors whose assessment expires on `day`, over vendor_risk CROSS JOIN vendors (by the expiry index). */
export const expiresOnDay = (day: number) =>
  sql`${vendorRisk.assessmentExpiresAt} >= ${day * DAY_MS} and ${vendorRisk.assessmentExpiresAt} < ${(day + 1) * DAY_MS}
      and ${vendorRisk.assessmentId} is not null and ${vendors.status} = 'active'`;
