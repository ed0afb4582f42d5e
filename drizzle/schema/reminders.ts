/**
 * Reminders already sent. One row per occasion (kind, subject, occasion:
 * shared/remediation/reminders.ts builds the key from exactly those), under
 * a unique key, written in the same transaction as the reminder's emails:
 * a restart or a crash part-way through a batch can never send one twice.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { ReminderKind, ReminderOccasion } from '#shared/remediation/reminders.ts';
import { timestamp } from './columns.ts';
import { vendors } from './vendors.ts';

export const remindersSent = sqliteTable(
  'reminders_sent',
  {
    /** The idempotency key, e.g. task-due-7d:41:2026-06-30. */
    key: text().primaryKey(),
    kind: text().$type<ReminderKind>().notNull(),
    subjectType: text({ enum: ['share_link', 'assessment', 'task', 'vendor'] }).notNull(),
    subjectId: integer().notNull(),
    occasion: text({ mode: 'json' }).$type<ReminderOccasion>().notNull(),
    vendorId: integer().references(() => vendors.id, { onDelete: 'set null' }),
    /** How many emails it queued (vendor contacts and staff). */
    emails: integer().notNull(),
    sentAt: timestamp().notNull(),
  },
  (t) => [index('reminders_sent_subject_idx').on(t.subjectType, t.subjectId)],
);
