/**
 * Questionnaire links for vendors, who have no account. Only a hash of the
 * token is stored; opening a link exchanges it for a session cookie scoped
 * to that one assessment.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { assessments } from './assessments.ts';
import { users } from './auth.ts';
import { createdAt, timestamp } from './columns.ts';

export const shareLinks = sqliteTable(
  'share_links',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    assessmentId: integer()
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    /** SHA-256 of the token, hex. The token itself is shown once and never stored. */
    tokenHash: text().notNull().unique(),
    recipientName: text().notNull(),
    recipientEmail: text().notNull(),
    /** Require a one-time code sent to the recipient's email before anything is shown. */
    emailCodeRequired: integer({ mode: 'boolean' }).notNull().default(false),
    createdBy: text().references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp().notNull(),
    revokedAt: timestamp(),
    revokedBy: text().references(() => users.id, { onDelete: 'set null' }),
    lastOpenedAt: timestamp(),
    openCount: integer().notNull().default(0),
    /**
     * Wrong emailed codes since the last right one, counted per link across
     * every code and browser session, so asking for a new code never resets it.
     */
    codeFailures: integer().notNull().default(0),
    /** While set and in the future, no code may be asked for or tried on this link. */
    codeLockedUntil: timestamp(),
    /** When codes were last emailed for this link (ms since the epoch, the recent ones only): the send limit. */
    codeSentAt: text({ mode: 'json' }).$type<number[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [index('share_links_assessment_idx').on(t.assessmentId)],
);

/**
 * A vendor's browser session, created when a valid link is opened. It is
 * checked against its link and assessment on every request
 * (server/assessments/links/linkSessions.ts); cancelling, completing or revoking also
 * sets expiresAt to that moment, so the table says which sessions are live.
 */
export const linkSessions = sqliteTable(
  'link_sessions',
  {
    /** SHA-256 of the cookie value, hex. */
    id: text().primaryKey(),
    shareLinkId: integer()
      .notNull()
      .references(() => shareLinks.id, { onDelete: 'cascade' }),
    expiresAt: timestamp().notNull(),
    /** Hash of the emailed one-time code, while one is outstanding. */
    emailCodeHash: text(),
    emailCodeExpiresAt: timestamp(),
    emailCodeVerifiedAt: timestamp(),
    lastSeenAt: timestamp(),
    ipAddress: text(),
    userAgent: text(),
    createdAt: createdAt(),
  },
  (t) => [index('link_sessions_link_idx').on(t.shareLinkId)],
);

/**
 * Further tokens for a link, each emailed in a reminder to the link's own
 * recipient (ADR 0027). A token here opens the same link, with the same
 * expiry, scope and emailed-code rule; revoking or expiring the link ends
 * them all, because every check is made on the link. Only hashes are kept.
 */
export const shareLinkTokens = sqliteTable(
  'share_link_tokens',
  {
    /** SHA-256 of the token, hex. */
    tokenHash: text().primaryKey(),
    shareLinkId: integer()
      .notNull()
      .references(() => shareLinks.id, { onDelete: 'cascade' }),
    /** The reminder that carried it (reminders_sent.key). */
    reminderKey: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('share_link_tokens_link_idx').on(t.shareLinkId)],
);
