/**
 * The standing rule (shared/standing.ts) as SQL on vendor_risk, for lists
 * and dashboards that filter and sort thousands of vendors in the database.
 * Tests check these agree with standingAt.
 */
import { and, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AssessmentStanding } from '#shared/statuses.ts';
import type { RiskBand } from '#shared/scoring/constants.ts';
import { vendorRisk } from '../../drizzle/schema/index.ts';

/** The vendor's standing at `now`. */
export function standingSql(now: Date): SQL<AssessmentStanding> {
  return sql<AssessmentStanding>`case
    when ${vendorRisk.assessmentId} is null then 'not_assessed'
    when ${vendorRisk.assessmentExpiresAt} <= ${now.getTime()} then 'expired'
    else 'assessed' end`;
}

/** True while a completed assessment still vouches for the vendor. */
export const assessedSql = (now: Date): SQL<boolean> => sql<boolean>`(${standingSql(now)} = 'assessed')`;

/** Residual for ranking: a vendor without a current assessment ranks at its inherent (worst credible) risk. */
export function rankRiskSql(now: Date): SQL<number> {
  return sql<number>`case when ${assessedSql(now)} then ${vendorRisk.residual} else ${vendorRisk.inherentResidual} end`;
}

/**
 * The band filter of the vendor list and the dashboard: a band matches
 * vendors currently assessed in it; "not_assessed" matches vendors with no
 * current assessment (never assessed, or expired).
 */
export function bandFilterSql(bands: readonly (RiskBand | 'not_assessed')[], now: Date): SQL | undefined {
  if (bands.length === 0) return undefined;
  const assessedBands = bands.filter((b): b is RiskBand => b !== 'not_assessed');
  const any: SQL[] = [];
  if (assessedBands.length) any.push(and(assessedSql(now), inArray(vendorRisk.band, assessedBands))!);
  if (bands.includes('not_assessed')) any.push(sql`not ${assessedSql(now)}`);
  return or(...any);
}
