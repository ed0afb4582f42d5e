/**
 * For sensitive assessments a link can demand a six-digit code sent to the
 * recipient's email before anything is shown, so a forwarded or leaked link
 * alone is not enough.
 *
 * Guessing is bounded per link, not per code or browser session: wrong codes
 * count across every code and session of the link, and asking for a new
 * code does not reset the count. Every WRONG_CODES_PER_LOCK wrong codes lock
 * the link's codes for FIRST_LOCK_MINUTES, doubling with each further lock up
 * to MAX_LOCK_MINUTES; a right code resets the count. Codes can be emailed
 * SENDS_PER_WINDOW times per SEND_WINDOW_MINUTES and SENDS_PER_DAY times a
 * day per link, and not at all while locked, so the link cannot be used to
 * flood the recipient's inbox.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { addMinutes } from 'date-fns';
import { linkSessions, shareLinks } from '../../drizzle/schema/index.ts';
import { linkActor, type LinkScope } from '../platform/callers.ts';
import type { ServiceContext } from '../platform/serviceContext.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { AppError, badRequest } from '../platform/errors.ts';
import { enqueueEmail } from '../platform/mail/outbox.ts';
import { recordAudit } from '../platform/audit/auditTrail.ts';
import { hashToken, newEmailCode, sameHash } from '../platform/tokens.ts';

const CODE_MINUTES = 10;
const WRONG_CODES_PER_LOCK = 5;
const FIRST_LOCK_MINUTES = 15;
const MAX_LOCK_MINUTES = 24 * 60;
const SENDS_PER_WINDOW = 3;
const SEND_WINDOW_MINUTES = 15;
/** Enough for a team to open the link in a browser each; few enough that the link cannot flood the recipient's inbox. */
const SENDS_PER_DAY = 20;
const DAY_MS = 24 * 60 * 60_000;

const SESSION_LOST = 'Open your questionnaire link again to continue.';

function sessionOf(tx: Db | Tx, link: LinkScope) {
  if (!link.sessionId) throw new AppError('UNAUTHORIZED', SESSION_LOST);
  const session = tx.select().from(linkSessions).where(eq(linkSessions.id, link.sessionId)).get();
  if (!session) throw new AppError('UNAUTHORIZED', SESSION_LOST);
  return session;
}

function linkOf(tx: Db | Tx, link: LinkScope) {
  const row = tx.select().from(shareLinks).where(eq(shareLinks.id, link.shareLinkId)).get();
  if (!row) throw new AppError('UNAUTHORIZED', SESSION_LOST);
  return row;
}

/** The code is bound to this browser session: hashed with the session id, so it works nowhere else. */
const codeHash = (sessionId: string, code: string) => hashToken(`${sessionId}:${code}`);

/** The length of the n-th lock (1-based): 15 minutes, then 30, 60... at most a day. */
function lockMinutes(lockNumber: number): number {
  return Math.min(FIRST_LOCK_MINUTES * 2 ** (lockNumber - 1), MAX_LOCK_MINUTES);
}

/** "15 minutes", "2 hours", "1 hour and 30 minutes": a wait, rounded up to the minute. */
function describeWait(from: Date, until: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - from.getTime()) / 60_000));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (hours === 0) return part(rest, 'minute');
  return rest === 0 ? part(hours, 'hour') : `${part(hours, 'hour')} and ${part(rest, 'minute')}`;
}

/** 429 with the moment the vendor may try again, for the portal to show in local time. */
const tooMany = (message: string, retryAt: Date) => new AppError('TOO_MANY_REQUESTS', message, { retryAt: retryAt.toISOString() });

const lockedError = (now: Date, until: Date) =>
  tooMany(`Too many wrong codes were entered for this link, so codes are paused for your security. You can try again in ${describeWait(now, until)}.`, until);

const isLocked = (link: { codeLockedUntil: Date | null }, now: Date) => Boolean(link.codeLockedUntil && link.codeLockedUntil.getTime() > now.getTime());

/** Until when this link's codes are paused, if they are. */
export function codeLockedUntil(db: Db, link: LinkScope, now: Date): Date | null {
  const row = linkOf(db, link);
  return isLocked(row, now) ? row.codeLockedUntil : null;
}

export function sendEmailCode(svc: ServiceContext, link: LinkScope): { sentTo: string } {
  const { db, mail, now } = svc;
  const ip = svc.actor.ip ?? null;
  const code = newEmailCode();
  db.transaction((tx) => {
    const session = sessionOf(tx, link);
    const row = linkOf(tx, link);
    if (isLocked(row, now)) throw lockedError(now, row.codeLockedUntil!);
    const today = row.codeSentAt.filter((at) => at > now.getTime() - DAY_MS);
    if (today.length >= SENDS_PER_DAY) {
      const retryAt = new Date(Math.min(...today) + DAY_MS);
      throw tooMany(`${SENDS_PER_DAY} codes were already emailed for this link in the last 24 hours: use the latest one, or ask for another in ${describeWait(now, retryAt)}.`, retryAt);
    }
    const recent = today.filter((at) => at > now.getTime() - SEND_WINDOW_MINUTES * 60_000);
    if (recent.length >= SENDS_PER_WINDOW) {
      const retryAt = new Date(Math.min(...recent) + SEND_WINDOW_MINUTES * 60_000);
      throw tooMany(
        `${SENDS_PER_WINDOW} codes were already emailed for this link in the last ${SEND_WINDOW_MINUTES} minutes: use the latest one, or ask for another in ${describeWait(now, retryAt)}.`,
        retryAt,
      );
    }
    tx.update(shareLinks).set({ codeSentAt: [...today, now.getTime()] }).where(eq(shareLinks.id, row.id)).run();
    // A new code replaces this session's earlier one; the count of wrong codes stays with the link.
    tx.update(linkSessions)
      .set({ emailCodeHash: codeHash(session.id, code), emailCodeExpiresAt: addMinutes(now, CODE_MINUTES) })
      .where(eq(linkSessions.id, session.id))
      .run();
    enqueueEmail(tx, mail, {
      to: row.recipientEmail,
      subject: 'Your code to open the security questionnaire',
      text: `Your code is ${code}. It works for ${CODE_MINUTES} minutes, in the browser where you asked for it.\n\nIf you did not ask for it, ignore this email.`,
    }, now);
    // Never the code itself.
    recordAudit(tx, { actor: linkActor(link, ip), action: 'share_link.email_code_sent', targetType: 'assessment', targetId: link.assessmentId, after: { linkId: row.id, to: row.recipientEmail }, at: now });
  });
  // Only the domain is shown back, so a stranger holding the link learns little.
  return { sentTo: `…@${link.recipientEmail!.split('@')[1]}` };
}

type VerifyOutcome = { verified: true } | { refused: AppError };

export function verifyEmailCode(db: Db, link: LinkScope, code: string, ip: string | null, now: Date): { verified: true } {
  // A wrong code is counted (and audited) in a transaction that commits; only then is the refusal thrown.
  const outcome = db.transaction((tx): VerifyOutcome => {
    const session = sessionOf(tx, link);
    if (session.emailCodeVerifiedAt) return { verified: true };
    const row = linkOf(tx, link);
    if (isLocked(row, now)) return { refused: lockedError(now, row.codeLockedUntil!) };
    if (!session.emailCodeHash || !session.emailCodeExpiresAt || session.emailCodeExpiresAt.getTime() <= now.getTime()) {
      return { refused: badRequest('This code has expired. Ask for a new one.') };
    }
    const actor = linkActor(link, ip);
    if (!sameHash(session.emailCodeHash, codeHash(session.id, code))) return { refused: wrongCode(tx, row, actor, now) };

    tx.update(linkSessions).set({ emailCodeVerifiedAt: now, emailCodeHash: null }).where(eq(linkSessions.id, session.id)).run();
    tx.update(shareLinks).set({ codeFailures: 0 }).where(eq(shareLinks.id, row.id)).run();
    recordAudit(tx, { actor, action: 'share_link.email_code_verified', targetType: 'assessment', targetId: link.assessmentId, at: now });
    return { verified: true };
  });
  if ('refused' in outcome) throw outcome.refused;
  return outcome;
}

/** Counts a wrong code against the link, locking it at every WRONG_CODES_PER_LOCK-th; returns the error to show. */
function wrongCode(tx: Tx, link: typeof shareLinks.$inferSelect, actor: ReturnType<typeof linkActor>, now: Date): AppError {
  const failures = link.codeFailures + 1;
  recordAudit(tx, { actor, action: 'share_link.email_code_failed', targetType: 'assessment', targetId: link.assessmentId, after: { linkId: link.id, failures }, at: now });
  if (failures % WRONG_CODES_PER_LOCK !== 0) {
    tx.update(shareLinks).set({ codeFailures: failures }).where(eq(shareLinks.id, link.id)).run();
    const left = WRONG_CODES_PER_LOCK - (failures % WRONG_CODES_PER_LOCK);
    const nextLock = lockMinutes(Math.floor(failures / WRONG_CODES_PER_LOCK) + 1);
    return badRequest(
      `That code is not right. Check the latest email and try again: after ${left} more wrong code${left === 1 ? '' : 's'}, codes are paused for ${describeWait(now, addMinutes(now, nextLock))}.`,
    );
  }
  const until = addMinutes(now, lockMinutes(failures / WRONG_CODES_PER_LOCK));
  tx.update(shareLinks).set({ codeFailures: failures, codeLockedUntil: until }).where(eq(shareLinks.id, link.id)).run();
  // Codes already sent die with the lock: after it, a new code must be asked for (and that is limited too).
  tx.update(linkSessions)
    .set({ emailCodeHash: null, emailCodeExpiresAt: null })
    .where(and(eq(linkSessions.shareLinkId, link.id), isNull(linkSessions.emailCodeVerifiedAt)))
    .run();
  recordAudit(tx, { actor, action: 'share_link.email_code_locked', targetType: 'assessment', targetId: link.assessmentId, after: { linkId: link.id, failures, lockedUntil: until }, at: now });
  return lockedError(now, until);
}
