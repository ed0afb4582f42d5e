/**
 * Dashboard rollups (ADR 0032): figures the dashboard would otherwise
 * aggregate from the big tables on every cold view, kept by triggers in
 * migration 0018 so that every writer (server, CLI, import, seed) keeps
 * them right without code having to remember. Nothing in the application
 * writes these tables; they are read only.
 *
 * No foreign keys on purpose: the triggers on the base tables decide when a
 * row goes, so a cascade can never race them.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { RiskBand } from '#shared/scoring/constants.ts';
import type { Severity } from '#shared/catalogue/types.ts';
import { ASSESSMENT_STANDINGS } from '#shared/statuses.ts';
import type { DataCategoryId } from '#shared/taxonomy.ts';
import { timestamp } from './columns.ts';

/** Active remediation tasks (open, in progress, ready for verification) counted by vendor, severity and due date. */
export const vendorTaskCounts = sqliteTable(
  'vendor_task_counts',
  {
    vendorId: integer().notNull(),
    severity: text().$type<Severity>().notNull(),
    dueDate: text().notNull(),
    open: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.vendorId, t.severity, t.dueDate] })],
);

/**
 * Each vendor's active tasks: vendor_task_counts summed by vendor (migration 0020), so the vendor list sorts by open
 * tasks from one row per vendor instead of summing that vendor's rows for every vendor it sorts.
 */
export const vendorOpenTasks = sqliteTable('vendor_open_tasks', {
  vendorId: integer().primaryKey(),
  open: integer().notNull(),
});

/**
 * Active tasks of active vendors by severity and due date: vendor_task_counts summed over the active portfolio
 * (migration 0020). The dashboard's task figures for the whole portfolio read a few hundred rows here, with overdue
 * worked out from the due date at read time, so the rollup never needs a write as days pass.
 */
export const activeTaskCounts = sqliteTable(
  'active_task_counts',
  {
    severity: text().$type<Severity>().notNull(),
    dueDate: text().notNull(),
    open: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.severity, t.dueDate] })],
);

/** Each vendor's latest snapshot in each calendar month (UTC): the row the monthly trend counts. */
export const riskSnapshotMonths = sqliteTable(
  'risk_snapshot_months',
  {
    vendorId: integer().notNull(),
    /** YYYY-MM of takenAt, in UTC. */
    month: text().notNull(),
    snapshotId: integer().notNull(),
    takenAt: timestamp().notNull(),
    standing: text({ enum: ASSESSMENT_STANDINGS }).notNull(),
    residual: integer(),
    band: text().$type<RiskBand>(),
    openTasks: integer().notNull(),
    overdueTasks: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.month] }),
    // Covers the trend by month for a filtered portfolio and the first, partial month of the window.
    index('risk_snapshot_months_month_idx').on(t.month, t.takenAt, t.vendorId, t.residual, t.band, t.standing, t.openTasks, t.overdueTasks),
  ],
);

/** The monthly trend of the whole active portfolio: risk_snapshot_months summed over active vendors. */
export const riskMonthTotals = sqliteTable('risk_month_totals', {
  month: text().primaryKey(),
  vendors: integer().notNull(),
  residualSum: integer().notNull(),
  /** How many of the month's rows carry a residual (the average's divisor). */
  residualCount: integer().notNull(),
  low: integer().notNull(),
  medium: integer().notNull(),
  high: integer().notNull(),
  critical: integer().notNull(),
  notAssessed: integer().notNull(),
  openTasks: integer().notNull(),
  overdueTasks: integer().notNull(),
});

/** vendor_risk.failing_controls as rows, one per vendor and failing control. */
export const vendorFailingControls = sqliteTable(
  'vendor_failing_controls',
  {
    vendorId: integer().notNull(),
    controlId: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.vendorId, t.controlId] })],
);

/**
 * How many active, assessed vendors fail each control, by the UTC day their assessment expires (migration 0019,
 * ADR 0037). A vendor counts as assessed until its expiry, so the count at any moment is every day after today plus
 * the few vendors expiring later today, read from the base tables: the rollup never needs a write as time passes.
 * An assessment without an expiry date never expires and is kept under NO_EXPIRY_DAY.
 */
export const failingControlDays = sqliteTable(
  'failing_control_days',
  {
    controlId: text().notNull(),
    /** floor(assessment_expires_at / 86,400,000): days since the epoch, UTC. */
    expiresDay: integer().notNull(),
    vendors: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.expiresDay, t.controlId] })],
);

/** The day key failing_control_days gives an assessment that never expires. */
export const NO_EXPIRY_DAY = 2147483647;

/**
 * Active vendors counted by where their position stands (migration 0022, ADR 0043): the UTC day their assessment
 * expires (NOT_ASSESSED_DAY when none vouches, NO_EXPIRY_DAY when it never expires), tier, band, likelihood and
 * impact. The whole portfolio's key figures and heatmap counts sum these few hundred rows, and read only the vendors
 * expiring later today from vendor_risk, as failing_control_days is read: the rollup never needs a write as time
 * passes. A missing band is kept as '' and a missing likelihood as 0, so the primary key never holds a null.
 */
export const vendorPositionDays = sqliteTable(
  'vendor_position_days',
  {
    expiresDay: integer().notNull(),
    tier: integer().notNull(),
    band: text().notNull(),
    likelihood: integer().notNull(),
    impact: integer().notNull(),
    vendors: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.expiresDay, t.tier, t.band, t.likelihood, t.impact] })],
);

/** The day key vendor_position_days gives a vendor no assessment vouches for (never assessed). */
export const NOT_ASSESSED_DAY = -1;

/**
 * Records held per data category across active vendors (migration 0019, ADR 0037): what the dashboard's key figures
 * and data exposure show for the whole portfolio, as one row per category. Only holdings with records count, as there.
 */
export const dataCategoryTotals = sqliteTable('data_category_totals', {
  category: text().$type<DataCategoryId>().primaryKey(),
  /** Active vendors with at least one holding of the category. */
  vendors: integer().notNull(),
  records: integer().notNull(),
  /** Active vendors holding some of the category without needing it. */
  excessVendors: integer().notNull(),
  excessRecords: integer().notNull(),
});
