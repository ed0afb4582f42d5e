/** Remediation tasks raised from failed controls, and their conversation. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Severity } from '#shared/catalogue/types.ts';
import type { TaskReason } from '#shared/scoring/remediation.ts';
import { TASK_STATUSES } from '#shared/statuses.ts';
import { assessments } from './assessments.ts';
import { users } from './auth.ts';
import { createdAt, timestamp, updatedAt } from './columns.ts';
import { vendors } from './vendors.ts';

export const remediationTasks = sqliteTable(
  'remediation_tasks',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    vendorId: integer()
      .notNull()
      .references(() => vendors.id, { onDelete: 'cascade' }),
    assessmentId: integer()
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    controlId: text().notNull(),
    severity: text().$type<Severity>().notNull(),
    reasons: text({ mode: 'json' }).$type<TaskReason[]>().notNull(),
    status: text({ enum: TASK_STATUSES }).notNull().default('open'),
    dueDate: text().notNull(), // ISO date
    ownerId: text().references(() => users.id, { onDelete: 'set null' }),
    /** The vendor's latest account of what it did. */
    vendorResponse: text(),
    readyAt: timestamp(),
    /** The staff user who marked it ready (null when the vendor did): the four-eyes rule keeps them from verifying it. */
    readyByUserId: text().references(() => users.id, { onDelete: 'set null' }),
    verifiedBy: text().references(() => users.id, { onDelete: 'set null' }),
    closedAt: timestamp(),
    acceptedBy: text().references(() => users.id, { onDelete: 'set null' }),
    acceptedAt: timestamp(),
    acceptanceJustification: text(),
    /** After this date an accepted risk reopens as a task. */
    acceptanceExpiresOn: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('remediation_tasks_assessment_control_uq').on(t.assessmentId, t.controlId),
    index('remediation_tasks_vendor_idx').on(t.vendorId, t.status),
    index('remediation_tasks_status_due_idx').on(t.status, t.dueDate),
    // Covers the portfolio's open/overdue counts by severity without reading the table.
    index('remediation_tasks_status_vendor_severity_due_idx').on(t.status, t.vendorId, t.severity, t.dueDate),
  ],
);

export const taskComments = sqliteTable(
  'task_comments',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    taskId: integer()
      .notNull()
      .references(() => remediationTasks.id, { onDelete: 'cascade' }),
    authorType: text({ enum: ['staff', 'vendor'] }).notNull(),
    authorName: text().notNull(),
    authorUserId: text().references(() => users.id, { onDelete: 'set null' }),
    body: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('task_comments_task_idx').on(t.taskId)],
);

/** Who moved a task: a staff user, the vendor through its link, or Tollgate itself. */
export const TASK_EVENT_ACTORS = ['user', 'vendor_link', 'system'] as const;

/**
 * A task's history: one row per status change or change of owner, never
 * changed afterwards (a trigger refuses updates), so the task page can
 * always say who did what, when, from which status to which, and why.
 */
export const taskEvents = sqliteTable(
  'task_events',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    taskId: integer()
      .notNull()
      .references(() => remediationTasks.id, { onDelete: 'cascade' }),
    at: timestamp().notNull(),
    actorType: text({ enum: TASK_EVENT_ACTORS }).notNull(),
    actorUserId: text().references(() => users.id, { onDelete: 'set null' }),
    /** The name shown, kept even if the account goes. */
    actorLabel: text().notNull(),
    /** The lifecycle rule applied (shared/remediation/taskLifecycle.ts), or "assign" for a change of owner. */
    kind: text().notNull(),
    fromStatus: text({ enum: TASK_STATUSES }).notNull(),
    toStatus: text({ enum: TASK_STATUSES }).notNull(),
    note: text(),
    /** Facts of the move: the acceptance's justification and expiry, the owners before and after, the new due date. */
    details: text({ mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('task_events_task_idx').on(t.taskId, t.id)],
);
