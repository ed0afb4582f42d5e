/**
 * Questionnaire links for vendors. A link reaches one assessment; its token
 * is shown once and stored as a hash; it expires and can be revoked.
 * Opening it trades the token for a session cookie at once (ASVS 14.2.1);
 * linkSessions.ts decides how long that session lasts.
 */
import { desc, eq, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/serviceContext.ts';
import { addDays, addHours, min } from 'date-fns';
import { canTransition, type AssessmentStatus } from '#shared/assessmentLifecycle.ts';
import type { z } from 'zod';
import type { CreateShareLinkInput } from '#shared/schemas/sharing.ts';
import { assessments, linkSessions, shareLinks, shareLinkTokens, users, vendors } from '../../../drizzle/schema/index.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { notFound, badRequest } from '../../platform/errors.ts';
import { enqueueEmail, type MailSettings } from '../../platform/mail/outbox.ts';
import { recordAudit, SYSTEM_ACTOR } from '../../platform/audit/auditTrail.ts';
import { contactOf, endLinkSessions, LINK_SESSION_IDLE_HOURS, linkClosedReason, selectLinkState, type LinkClosedReason, type LinkContact } from './linkSessions.ts';
import { getOrganisation } from '../../platform/settings.ts';
import { askerOf, vendorContactLine } from './vendorWording.ts';
import { hashToken, newToken } from '../../platform/tokens.ts';

/** Assessment states in which a link still leads somewhere useful. */
const LINKABLE_STATUSES = ['draft', 'sent', 'in_progress', 'submitted', 'in_review', 'completed'] as const;

export type ShareLinkStatus = 'active' | 'expired' | 'revoked' | 'submitted';

export function shareLinkStatus(link: { revokedAt: Date | null; expiresAt: Date }, assessmentStatus: AssessmentStatus, now: Date): ShareLinkStatus {
  // A cancelled assessment withdraws its links with it.
  const closed = linkClosedReason(link, assessmentStatus, now);
  if (closed) return closed === 'expired' ? 'expired' : 'revoked';
  if (['submitted', 'in_review', 'completed'].includes(assessmentStatus)) return 'submitted';
  return 'active';
}

export interface ShareLinkDeps {
  db: Db;
  publicUrl: string;
  mail: Pick<MailSettings, 'smtpUrl'>;
}

export function createShareLink(deps: ServiceContext, input: z.output<typeof CreateShareLinkInput>) {
  const { actor, now } = deps;
  const token = newToken();
  const url = `${deps.publicUrl}/q/${token}`;
  const { link, email } = deps.db.transaction((tx) => {
    const assessment = tx
      .select({ id: assessments.id, status: assessments.status, dueDate: assessments.dueDate, vendorName: vendors.name })
      .from(assessments)
      .innerJoin(vendors, eq(vendors.id, assessments.vendorId))
      .where(eq(assessments.id, input.assessmentId))
      .get();
    if (!assessment) throw notFound('The assessment');
    if (!(LINKABLE_STATUSES as readonly string[]).includes(assessment.status) || assessment.status === 'completed') {
      throw badRequest(`A ${assessment.status.replace('_', ' ')} assessment cannot be shared.`);
    }
    const row = tx
      .insert(shareLinks)
      .values({
        assessmentId: assessment.id,
        tokenHash: hashToken(token),
        recipientName: input.recipientName,
        recipientEmail: input.recipientEmail.toLowerCase(),
        emailCodeRequired: input.emailCodeRequired,
        createdBy: actor.id,
        expiresAt: addDays(now, input.expiresInDays),
        createdAt: now,
      })
      .returning()
      .get();
    if (assessment.status === 'draft' && canTransition('draft', 'sent')) {
      tx.update(assessments).set({ status: 'sent', sentAt: now, updatedAt: now }).where(eq(assessments.id, assessment.id)).run();
    }
    recordAudit(tx, {
      actor,
      action: 'share_link.create',
      targetType: 'assessment',
      targetId: assessment.id,
      // Never the token: only who it went to and until when.
      after: { linkId: row.id, recipientEmail: row.recipientEmail, expiresAt: row.expiresAt, emailCodeRequired: row.emailCodeRequired },
      at: now,
    });
    const organisation = getOrganisation(tx);
    const email = input.sendEmail
      ? enqueueEmail(tx, deps.mail, {
          to: row.recipientEmail,
          subject: `Security questionnaire for ${assessment.vendorName}`,
          text: `Hello ${row.recipientName},\n\n${askerOf(actor.label, organisation)} asks ${assessment.vendorName} to answer a security questionnaire${assessment.dueDate ? ` by ${assessment.dueDate}` : ''}.\nOpen it here (no account needed; the link works until ${row.expiresAt.toUTCString()}):\n\n${url}\n\nYour answers save as you go. Do not forward this link: it gives access to your organisation's answers.${vendorContactLine(organisation)}`,
        }, now)
      : null;
    return { link: row, email };
  });
  // The screen says what became of the email (mail server or Outbox), never more.
  return { linkId: link.id, url, expiresAt: link.expiresAt, email };
}

export function listShareLinks(db: Db, assessmentId: number, now: Date) {
  const assessment = db.select({ status: assessments.status }).from(assessments).where(eq(assessments.id, assessmentId)).get();
  if (!assessment) throw notFound('The assessment');
  return db
    .select({
      id: shareLinks.id,
      recipientName: shareLinks.recipientName,
      recipientEmail: shareLinks.recipientEmail,
      emailCodeRequired: shareLinks.emailCodeRequired,
      createdAt: shareLinks.createdAt,
      createdByName: users.name,
      expiresAt: shareLinks.expiresAt,
      revokedAt: shareLinks.revokedAt,
      lastOpenedAt: shareLinks.lastOpenedAt,
      openCount: shareLinks.openCount,
      codeLockedUntil: shareLinks.codeLockedUntil,
    })
    .from(shareLinks)
    .leftJoin(users, eq(users.id, shareLinks.createdBy))
    .where(eq(shareLinks.assessmentId, assessmentId))
    .orderBy(desc(shareLinks.createdAt), desc(shareLinks.id))
    .all()
    .map((link) => ({
      ...link,
      status: shareLinkStatus(link, assessment.status, now),
      // Staff can tell a vendor why its code is refused, and until when.
      codeLockedUntil: link.codeLockedUntil && link.codeLockedUntil.getTime() > now.getTime() ? link.codeLockedUntil : null,
    }));
}

export function revokeShareLink(svc: ServiceContext, linkId: number) {
  const { db, actor, now } = svc;
  db.transaction((tx) => {
    const link = tx.select().from(shareLinks).where(eq(shareLinks.id, linkId)).get();
    if (!link) throw notFound('The link');
    if (link.revokedAt) return;
    tx.update(shareLinks).set({ revokedAt: now, revokedBy: actor.id }).where(eq(shareLinks.id, linkId)).run();
    recordAudit(tx, { actor, action: 'share_link.revoke', targetType: 'assessment', targetId: link.assessmentId, after: { linkId }, at: now });
    // Revoking ends the vendor's open sessions too (the session check would refuse them anyway).
    endLinkSessions(tx, { assessmentId: link.assessmentId, linkId }, 'link_revoked', actor, now);
  });
}

export type OpenResult =
  | { kind: 'not_found' }
  | { kind: 'gone'; reason: LinkClosedReason; contact: LinkContact | null }
  | { kind: 'opened'; sessionToken: string; expiresAt: Date };

/** Trades a link's token for a new vendor session; the token itself is never kept. */
export function openShareLink(db: Db, token: string, now: Date, client: { ip: string | null; userAgent: string | null }): OpenResult {
  return db.transaction((tx): OpenResult => {
    const tokenHash = hashToken(token);
    // The token the link was created with, or one a reminder carried (every check below is the link's).
    const viaReminder = tx.select({ linkId: shareLinkTokens.shareLinkId }).from(shareLinkTokens).where(eq(shareLinkTokens.tokenHash, tokenHash)).get();
    const row = selectLinkState(tx)
      .where(viaReminder ? eq(shareLinks.id, viaReminder.linkId) : eq(shareLinks.tokenHash, tokenHash))
      .get();
    if (!row) return { kind: 'not_found' };
    const closed = linkClosedReason(row.link, row.assessmentStatus, now);
    if (closed) return { kind: 'gone', reason: closed, contact: contactOf(row) };
    const sessionToken = newToken();
    const expiresAt = min([addHours(now, LINK_SESSION_IDLE_HOURS), row.link.expiresAt]);
    tx.insert(linkSessions)
      .values({ id: hashToken(sessionToken), shareLinkId: row.link.id, expiresAt, lastSeenAt: now, ipAddress: client.ip, userAgent: client.userAgent?.slice(0, 300) ?? null, createdAt: now })
      .run();
    tx.update(shareLinks)
      .set({ lastOpenedAt: now, openCount: sql`${shareLinks.openCount} + 1` })
      .where(eq(shareLinks.id, row.link.id))
      .run();
    recordAudit(tx, {
      actor: { type: 'vendor_link', id: String(row.link.id), label: row.link.recipientName, ip: client.ip },
      action: 'share_link.open',
      targetType: 'assessment',
      targetId: row.link.assessmentId,
      after: { linkId: row.link.id, via: viaReminder ? 'reminder' : 'link' },
      at: now,
    });
    return { kind: 'opened', sessionToken, expiresAt };
  });
}

/**
 * A further token for a live link, for a reminder to the link's own
 * recipient: the email can then carry the questionnaire itself (ADR 0027).
 * It opens the same link (same expiry, scope and emailed-code rule) and
 * dies with it. Returns the URL; only the token's hash is stored, and the
 * issue is audited in the reminder's transaction.
 */
export function issueReminderLink(tx: Tx, link: { id: number; assessmentId: number; recipientEmail: string }, reminderKey: string, publicUrl: string, now: Date): string {
  const token = newToken();
  tx.insert(shareLinkTokens).values({ tokenHash: hashToken(token), shareLinkId: link.id, reminderKey, createdAt: now }).run();
  recordAudit(tx, {
    actor: SYSTEM_ACTOR,
    action: 'share_link.reminder_link',
    targetType: 'assessment',
    targetId: link.assessmentId,
    // Never the token: which link, to whom, and for which reminder.
    after: { linkId: link.id, recipientEmail: link.recipientEmail, reminder: reminderKey },
    at: now,
  });
  return `${publicUrl}/q/${token}`;
}
