/** Cross-cutting records: the audit trail, outgoing email, settings and scheduled jobs. */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './auth.ts';
import { createdAt, timestamp, updatedAt } from './columns.ts';

export const ACTOR_TYPES = ['user', 'vendor_link', 'system'] as const;

/**
 * Append-only and hash-chained: each row's hash covers its content and the
 * previous row's hash, so an edited or deleted row breaks the chain.
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: timestamp().notNull(),
    actorType: text({ enum: ACTOR_TYPES }).notNull(),
    actorId: text(),
    actorLabel: text().notNull(),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text(),
    before: text({ mode: 'json' }).$type<unknown>(),
    after: text({ mode: 'json' }).$type<unknown>(),
    ip: text(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    // Staff actors only: the log is searched by person, and a vendor's entries by their assessment (the target). A
    // vendor's save then writes two index pages instead of three, one of its commit's largest costs (ADR 0050).
    index('audit_events_user_actor_idx').on(t.actorId).where(sql`actor_type = 'user'`),
    index('audit_events_target_idx').on(t.targetType, t.targetId),
  ],
);

/** "passed_on": an admin passed a held (or failed) message on by hand. */
export const EMAIL_STATUSES = ['pending', 'sent', 'failed', 'held', 'passed_on'] as const;

/**
 * Every email goes through here first, so none is silently dropped; "held" waits in the admin outbox when no SMTP is set.
 * Texts can carry set-password links, questionnaire links and codes: once a message is delivered (or too old to
 * pass on) its text is erased, and only who it went to, its subject and its fate are kept.
 */
export const emailOutbox = sqliteTable(
  'email_outbox',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    to: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    status: text({ enum: EMAIL_STATUSES }).notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    sentAt: timestamp(),
    /** When the text was erased (text_body is then empty). */
    bodyErasedAt: timestamp(),
    createdAt: createdAt(),
  },
  (t) => [index('email_outbox_status_idx').on(t.status)],
);

export const settings = sqliteTable('settings', {
  key: text().primaryKey(),
  value: text({ mode: 'json' }).$type<unknown>().notNull(),
  updatedBy: text().references(() => users.id, { onDelete: 'set null' }),
  updatedAt: updatedAt(),
});

/**
 * One row whose version goes up with every write the dashboard could see,
 * bumped by triggers (migration 0004) on the tables its views read, so no
 * code path can forget. The dashboard caches a view's answer against it.
 */
export const dataVersion = sqliteTable('data_version', {
  id: integer().primaryKey(),
  version: integer().notNull().default(0),
});

/**
 * The tables the dashboard's views read, each with insert, update and
 * delete triggers that bump data_version (migration 0004). A view that
 * starts reading another table adds it here and a migration with its
 * triggers; tests/integration/dataVersion.test.ts checks the two agree.
 */
export const DASHBOARD_WATCHED_TABLES = ['vendors', 'vendor_risk', 'assessments', 'data_holdings', 'remediation_tasks', 'sub_processors', 'risk_snapshots'] as const;
