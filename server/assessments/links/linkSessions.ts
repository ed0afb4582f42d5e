/**
 * When a vendor's link session stops working. One rule, checked on every
 * request from the link and the assessment as they stand now, so nothing
 * depends on remembering to delete a session:
 *
 * - a cancelled assessment closes every link of it;
 * - a revoked or expired link opens nothing;
 * - a completed assessment refuses sessions opened before it was completed:
 *   the vendor opens the link again (and gives the emailed code again, if
 *   asked) to reach the remediation tasks;
 * - a session unused for LINK_SESSION_IDLE_HOURS ends.
 *
 * Cancelling, completing and revoking also end the sessions in the same
 * transaction (endLinkSessions), so the table itself says which are live.
 */
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { addHours } from 'date-fns';
import type { AssessmentStatus } from '#shared/assessmentLifecycle.ts';
import { assessments, linkSessions, shareLinks, users } from '../../../drizzle/schema/index.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { prepared, preparedSql } from '../../platform/db/prepared.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit, type AuditActor } from '../../platform/audit/auditTrail.ts';
import { hashToken } from '../../platform/tokens.ts';

/** A vendor's session ends after this long unused, and never outlives its link. */
export const LINK_SESSION_IDLE_HOURS = 8;

/** Why a link opens nothing any more. */
export type LinkClosedReason = 'closed' | 'withdrawn' | 'expired';
/** Why a session was refused: the link's reason, the review's completion, or the session's own end. */
export type SessionEndReason = LinkClosedReason | 'review_complete' | 'ended';

/** The person a vendor can ask about the questionnaire. */
export interface LinkContact {
  name: string;
  email: string | null;
}

export interface SessionRefusal {
  reason: SessionEndReason;
  contact: LinkContact | null;
}

/** Why a link no longer leads anywhere, or null while it does. A cancelled assessment closes its links whatever else holds. */
export function linkClosedReason(link: { revokedAt: Date | number | null; expiresAt: Date | number }, assessmentStatus: AssessmentStatus, now: Date): LinkClosedReason | null {
  if (assessmentStatus === 'cancelled') return 'closed';
  if (link.revokedAt !== null) return 'withdrawn';
  // A Date or the milliseconds the column stores (the per-request session check reads plain rows).
  if (Number(link.expiresAt) <= now.getTime()) return 'expired';
  return null;
}

const assessor = alias(users, 'assessor');
const linkCreator = alias(users, 'link_creator');

/** The columns that decide whether a link still works, and whom to ask: the assessor, or else whoever made the link. */
const linkStateColumns = {
  link: shareLinks,
  assessmentStatus: assessments.status,
  completedAt: assessments.completedAt,
  assessorName: assessor.name,
  assessorEmail: assessor.email,
  creatorName: linkCreator.name,
  creatorEmail: linkCreator.email,
};

/** share_links joined to what linkStateColumns reads; the caller adds its where clause. */
export function selectLinkState(tx: Db | Tx) {
  return tx
    .select(linkStateColumns)
    .from(shareLinks)
    .innerJoin(assessments, eq(assessments.id, shareLinks.assessmentId))
    .leftJoin(assessor, eq(assessor.id, assessments.assessorId))
    .leftJoin(linkCreator, eq(linkCreator.id, shareLinks.createdBy));
}

export function contactOf(row: { assessorName: string | null; assessorEmail: string | null; creatorName: string | null; creatorEmail: string | null }): LinkContact | null {
  if (row.assessorName) return { name: row.assessorName, email: row.assessorEmail };
  if (row.creatorName) return { name: row.creatorName, email: row.creatorEmail };
  return null;
}

export interface ResolvedLinkSession {
  sessionId: string;
  shareLinkId: number;
  assessmentId: number;
  recipientName: string;
  recipientEmail: string;
  emailCodeRequired: boolean;
  emailCodeVerified: boolean;
}

export type LinkSessionCheck = { ok: true; session: ResolvedLinkSession } | { ok: false; refusal: SessionRefusal };

interface SessionWithLinkRow {
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number | null;
  emailCodeVerifiedAt: number | null;
  linkId: number;
  assessmentId: number;
  recipientName: string;
  recipientEmail: string;
  emailCodeRequired: 0 | 1;
  linkRevokedAt: number | null;
  linkExpiresAt: number;
  assessmentStatus: AssessmentStatus;
  completedAt: number | null;
}

/**
 * A session with what decides whether it still works: one indexed read of the columns needed, prepared once and
 * read as plain values (it runs on every vendor request; platform/db/prepared.ts says why not through drizzle).
 * Whom to ask is read only for a refusal (contactOfLink).
 */
const sessionWithLink = preparedSql<[string], SessionWithLinkRow>(`
  select ls.created_at as createdAt, ls.expires_at as expiresAt, ls.last_seen_at as lastSeenAt, ls.email_code_verified_at as emailCodeVerifiedAt,
         sl.id as linkId, sl.assessment_id as assessmentId, sl.recipient_name as recipientName, sl.recipient_email as recipientEmail,
         sl.email_code_required as emailCodeRequired, sl.revoked_at as linkRevokedAt, sl.expires_at as linkExpiresAt,
         a.status as assessmentStatus, a.completed_at as completedAt
  from link_sessions ls
  join share_links sl on sl.id = ls.share_link_id
  join assessments a on a.id = sl.assessment_id
  where ls.id = (select ?)`); // `(select ?)`, not `?`: see preparedSql (platform/db/prepared.ts).

/** Whom a vendor can ask about a link: the assessor, or else whoever made the link. */
function contactOfLink(db: Db, linkId: number): LinkContact | null {
  const row = selectLinkState(db).where(eq(shareLinks.id, linkId)).get();
  return row ? contactOf(row) : null;
}

/** Pushes a session's idle end back; the times go in as the column stores them (milliseconds). */
const slideSession = prepared((db) =>
  db
    .update(linkSessions)
    .set({ lastSeenAt: sql`${sql.placeholder('now')}`, expiresAt: sql`${sql.placeholder('expiresAt')}` })
    .where(eq(linkSessions.id, sql.placeholder('id')))
    .prepare(),
);

/** The vendor session behind a cookie if it may still be used (sliding its idle expiry), or why not. */
export function resolveLinkSession(db: Db, sessionToken: string, now: Date): LinkSessionCheck {
  const id = hashToken(sessionToken);
  const row = sessionWithLink(db).get(id);
  if (!row) return { ok: false, refusal: { reason: 'ended', contact: null } };
  const refuse = (reason: SessionEndReason): LinkSessionCheck => ({ ok: false, refusal: { reason, contact: contactOfLink(db, row.linkId) } });
  const at = now.getTime();
  // Times stay the milliseconds the columns store: no Dates made for a request that passes.
  const closed = linkClosedReason({ revokedAt: row.linkRevokedAt, expiresAt: row.linkExpiresAt }, row.assessmentStatus, now);
  if (closed) return refuse(closed);
  // A session from before the review completed was for answering; the tasks that follow are reached with a new one.
  if (row.assessmentStatus === 'completed' && row.completedAt !== null && row.createdAt < row.completedAt) return refuse('review_complete');
  if (row.expiresAt <= at) return refuse('ended');

  const seenLongAgo = row.lastSeenAt === null || at - row.lastSeenAt > 5 * 60_000;
  if (seenLongAgo) {
    slideSession(db).run({ id, now: at, expiresAt: Math.min(addHours(now, LINK_SESSION_IDLE_HOURS).getTime(), row.linkExpiresAt) });
  }
  return {
    ok: true,
    session: {
      sessionId: id,
      shareLinkId: row.linkId,
      assessmentId: row.assessmentId,
      recipientName: row.recipientName,
      recipientEmail: row.recipientEmail,
      emailCodeRequired: row.emailCodeRequired === 1,
      emailCodeVerified: row.emailCodeVerifiedAt !== null,
    },
  };
}

const who = (contact: LinkContact | null) => (contact ? `${contact.name}${contact.email ? ` (${contact.email})` : ''}` : 'the person who sent it');

const REFUSAL_MESSAGES: Record<SessionEndReason, (contact: LinkContact | null) => string> = {
  closed: (c) => `This questionnaire is closed: there is nothing more to answer. Answers already saved are kept. If you have questions, ask ${who(c)}.`,
  withdrawn: (c) => `This questionnaire link was withdrawn. Answers already saved are kept. Ask ${who(c)} for a new link.`,
  expired: (c) => `This questionnaire link has expired. Answers already saved are kept. Ask ${who(c)} for a new link.`,
  review_complete: () => 'The review of your answers is complete. Open the link from your email again to see what happens next.',
  ended: () => 'Your questionnaire session has ended: open the link from your email again to continue.',
};

/**
 * The error a refused (or missing) session gets: 401 with a sentence for
 * people, and the reason and contact so the portal can show the right page.
 */
export function sessionRefusedError(refusal: SessionRefusal | null): AppError {
  const r = refusal ?? { reason: 'ended' as const, contact: null };
  return new AppError('UNAUTHORIZED', REFUSAL_MESSAGES[r.reason](r.contact), { sessionEnded: r.reason, contact: r.contact });
}

export type SessionEndCause = 'assessment_cancelled' | 'assessment_completed' | 'link_revoked';

/**
 * Ends, now, every live session of one link or of every link of an
 * assessment, and records how many in the audit log. Call it in the
 * transaction that makes the change.
 */
export function endLinkSessions(tx: Tx, scope: { assessmentId: number; linkId?: number }, cause: SessionEndCause, actor: AuditActor, now: Date): number {
  const links = tx
    .select({ id: shareLinks.id })
    .from(shareLinks)
    .where(scope.linkId === undefined ? eq(shareLinks.assessmentId, scope.assessmentId) : eq(shareLinks.id, scope.linkId));
  const ended = tx
    .update(linkSessions)
    .set({ expiresAt: now })
    .where(and(inArray(linkSessions.shareLinkId, links), gt(linkSessions.expiresAt, now)))
    .run().changes;
  if (ended > 0) {
    recordAudit(tx, {
      actor,
      action: 'share_link.sessions_ended',
      targetType: 'assessment',
      targetId: scope.assessmentId,
      after: { cause, sessions: ended, ...(scope.linkId === undefined ? {} : { linkId: scope.linkId }) },
      at: now,
    });
  }
  return ended;
}
