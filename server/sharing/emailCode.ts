/**
 * For sensitive assessments a link can demand a six-digit code sent to the
 * recipient's email before anything is shown, so a forwarded or leaked link
 * alone is not enough. Five wrong codes and the code is void.
 */
import { eq } from 'drizzle-orm';
import { addMinutes } from 'date-fns';
import { linkSessions } from '../../drizzle/schema/index.ts';
import type { LinkScope } from '../context.ts';
import type { Db } from '../db/database.ts';
import { AppError, badRequest } from '../errors.ts';
import { enqueueEmail, type MailSettings } from '../mail/outbox.ts';
import { recordAudit } from '../services/audit.ts';
import { linkActor } from './portal.ts';
import { hashToken, newEmailCode, sameHash } from './tokens.ts';

const CODE_MINUTES = 10;
const MAX_ATTEMPTS = 5;

function sessionOf(db: Db, link: LinkScope) {
  if (!link.sessionId) throw new AppError('UNAUTHORIZED', 'Open your questionnaire link again to continue.');
  const session = db.select().from(linkSessions).where(eq(linkSessions.id, link.sessionId)).get();
  if (!session) throw new AppError('UNAUTHORIZED', 'Open your questionnaire link again to continue.');
  return session;
}

/** The code is bound to this browser session: hashed with the session id, so it works nowhere else. */
const codeHash = (sessionId: string, code: string) => hashToken(`${sessionId}:${code}`);

export function sendEmailCode(db: Db, mail: Pick<MailSettings, 'smtpUrl'>, link: LinkScope, now: Date): { sentTo: string } {
  const session = sessionOf(db, link);
  const code = newEmailCode();
  db.transaction((tx) => {
    tx.update(linkSessions)
      .set({ emailCodeHash: codeHash(session.id, code), emailCodeExpiresAt: addMinutes(now, CODE_MINUTES), emailCodeAttempts: 0 })
      .where(eq(linkSessions.id, session.id))
      .run();
    enqueueEmail(tx, mail, {
      to: link.recipientEmail!,
      subject: 'Your code to open the security questionnaire',
      text: `Your code is ${code}. It works for ${CODE_MINUTES} minutes, in the browser where you asked for it.\n\nIf you did not ask for it, ignore this email.`,
    }, now);
  });
  // Only the domain is shown back, so a stranger holding the link learns little.
  return { sentTo: `…@${link.recipientEmail!.split('@')[1]}` };
}

export function verifyEmailCode(db: Db, link: LinkScope, code: string, ip: string | null, now: Date): { verified: true } {
  const session = sessionOf(db, link);
  if (session.emailCodeVerifiedAt) return { verified: true };
  if (!session.emailCodeHash || !session.emailCodeExpiresAt || session.emailCodeExpiresAt.getTime() <= now.getTime()) {
    throw badRequest('This code has expired. Ask for a new one.');
  }
  if (session.emailCodeAttempts >= MAX_ATTEMPTS) throw badRequest('Too many wrong codes. Ask for a new one.');
  if (!sameHash(session.emailCodeHash, codeHash(session.id, code))) {
    db.update(linkSessions).set({ emailCodeAttempts: session.emailCodeAttempts + 1 }).where(eq(linkSessions.id, session.id)).run();
    throw badRequest('That code is not right. Check the latest email and try again.');
  }
  db.transaction((tx) => {
    tx.update(linkSessions).set({ emailCodeVerifiedAt: now, emailCodeHash: null }).where(eq(linkSessions.id, session.id)).run();
    recordAudit(tx, { actor: linkActor(link, ip), action: 'share_link.email_code_verified', targetType: 'assessment', targetId: link.assessmentId, at: now });
  });
  return { verified: true };
}
