/**
 * The review conversation on an answer: every question, rejection note,
 * acceptance note and vendor reply, with its author and time. Rows are
 * only ever added (the database refuses edits to their content), so the
 * thread is the record of what each side said.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { MESSAGE_AUTHOR_TYPES, REVIEW_MESSAGE_KINDS } from '#shared/statuses.ts';
import { assessments, evidenceFiles } from './assessments.ts';
import { users } from './auth.ts';
import { createdAt } from './columns.ts';
import { shareLinks } from './sharing.ts';

export const reviewMessages = sqliteTable(
  'review_messages',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    assessmentId: integer()
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    controlId: text().notNull(),
    kind: text({ enum: REVIEW_MESSAGE_KINDS }).notNull(),
    body: text().notNull(),
    authorType: text({ enum: MESSAGE_AUTHOR_TYPES }).notNull(),
    /** The reviewer's account, for staff messages. */
    authorUserId: text().references(() => users.id, { onDelete: 'set null' }),
    /** The link the vendor wrote through, for vendor messages. */
    shareLinkId: integer().references(() => shareLinks.id, { onDelete: 'set null' }),
    /** The name shown with the message, as it was when written. */
    authorName: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('review_messages_thread_idx').on(t.assessmentId, t.controlId, t.id)],
);

/** Evidence a vendor sent with a reply: each file goes with at most one reply. */
export const reviewMessageEvidence = sqliteTable(
  'review_message_evidence',
  {
    messageId: integer()
      .notNull()
      .references(() => reviewMessages.id, { onDelete: 'cascade' }),
    evidenceId: integer()
      .notNull()
      .unique()
      .references(() => evidenceFiles.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.evidenceId] })],
);
