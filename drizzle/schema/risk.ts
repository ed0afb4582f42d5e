/**
 * Stored scores. vendor_risk holds each vendor's current position (written
 * by the scoring engine whenever its inputs change) so the portfolio reads
 * it in a few queries instead of rescoring; risk_snapshots keep history.
 */
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { DataCategoryId } from '#shared/taxonomy.ts';
import type { Grade, RiskBand, Tier } from '#shared/scoring/constants.ts';
import { ASSESSMENT_STANDINGS } from '#shared/statuses.ts';
import type { DomainScore } from '#shared/scoring/controlScore.ts';
import { assessments } from './assessments.ts';
import { createdAt, timestamp } from './columns.ts';
import { vendors } from './vendors.ts';

export const vendorRisk = sqliteTable(
  'vendor_risk',
  {
    vendorId: integer()
      .primaryKey()
      .references(() => vendors.id, { onDelete: 'cascade' }),
    impact: integer().notNull(),
    sensitivity: integer().notNull(),
    volumeBand: integer().notNull(),
    suggestedTier: integer().$type<Tier>().notNull(),
    /** Override if set, else the suggestion. */
    tier: integer().$type<Tier>().notNull(),
    largestHolding: integer().notNull(),
    mostSensitiveCategory: text().$type<DataCategoryId>(),
    excessData: integer({ mode: 'boolean' }).notNull(),
    inherentResidual: integer().notNull(),
    inherentBand: text().$type<RiskBand>().notNull(),
    /** Latest completed assessment, or null when never assessed. */
    assessmentId: integer().references(() => assessments.id, { onDelete: 'set null' }),
    assessedAt: timestamp(),
    /** When the assessment stops vouching for the vendor (re-assessment due). */
    assessmentExpiresAt: timestamp(),
    score: real(),
    grade: text().$type<Grade>(),
    likelihood: integer(),
    residual: integer(),
    band: text().$type<RiskBand>(),
    projectedResidual: integer(),
    projectedBand: text().$type<RiskBand>(),
    domains: text({ mode: 'json' }).$type<DomainScore[]>(),
    /** Controls not met in the current position, for portfolio-wide counts without rescoring. */
    failingControls: text({ mode: 'json' }).$type<string[]>(),
    computedAt: timestamp().notNull(),
  },
  (t) => [
    // The dashboard's top risks and not-assessed list walk these from the top, in their order, until enough are in
    // scope (ADR 0044). The expiry, assessment and tier columns are there so the standing and a tier filter are decided
    // without reading the row, which is wide (its domains and failing controls).
    index('vendor_risk_rank_assessed_idx').on(t.residual, t.impact, t.assessmentExpiresAt, t.assessmentId, t.tier),
    index('vendor_risk_rank_unassessed_idx').on(t.inherentResidual, t.impact, t.assessmentExpiresAt, t.assessmentId, t.tier),
    index('vendor_risk_impact_idx').on(t.impact, t.assessmentExpiresAt, t.assessmentId, t.tier),
    index('vendor_risk_tier_idx').on(t.tier),
    index('vendor_risk_expires_idx').on(t.assessmentExpiresAt),
    // The dashboard's vendors holding the most records: read from the top of this index until enough are in scope.
    index('vendor_risk_largest_holding_idx').on(t.largestHolding),
  ],
);

/** remediation: a verified fix (or an accepted risk reopened) moved the vendor's position. */
export const SNAPSHOT_REASONS = ['review', 'monthly', 'profile_change', 'remediation'] as const;

export const riskSnapshots = sqliteTable(
  'risk_snapshots',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    vendorId: integer()
      .notNull()
      .references(() => vendors.id, { onDelete: 'cascade' }),
    assessmentId: integer().references(() => assessments.id, { onDelete: 'set null' }),
    takenAt: timestamp().notNull(),
    reason: text({ enum: SNAPSHOT_REASONS }).notNull(),
    tier: integer().$type<Tier>().notNull(),
    impact: integer().notNull(),
    inherentResidual: integer().notNull(),
    /** Whether an assessment vouched for the vendor at that date; residual and band are null otherwise. */
    standing: text({ enum: ASSESSMENT_STANDINGS }).notNull(),
    score: real(),
    grade: text().$type<Grade>(),
    likelihood: integer(),
    residual: integer(),
    band: text().$type<RiskBand>(),
    openTasks: integer().notNull().default(0),
    overdueTasks: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index('risk_snapshots_vendor_taken_idx').on(t.vendorId, t.takenAt),
    index('risk_snapshots_taken_idx').on(t.takenAt),
    // Covers the monthly trend query, so it never reads the table itself.
    index('risk_snapshots_trend_idx').on(t.reason, t.takenAt, t.vendorId, t.residual, t.band, t.standing, t.openTasks, t.overdueTasks),
  ],
);
