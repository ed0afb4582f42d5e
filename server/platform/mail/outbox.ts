/**
 * Every email is written to the outbox in the same transaction as the
 * change it reports, so none is lost if the process stops. With SMTP
 * configured the delivery loop sends it; without, it is held for admins to
 * read on the Outbox page: a message is never silently dropped.
 *
 * Texts carry secrets (questionnaire links, set-password links, codes), so
 * a text is kept only while someone still has to deliver it: it is erased
 * once SMTP has sent it, once an admin marks it passed on by hand, and in
 * any case HELD_TEXT_DAYS after it was written. What stays is the delivery
 * record: to whom, the subject, when, and how it went.
 */
import { addDays, subDays } from 'date-fns';
import type { ServiceContext } from '../serviceContext.ts';
import { and, asc, desc, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { EmailDelivery } from '#shared/emailDelivery.ts';
import { emailOutbox } from '../../../drizzle/schema/index.ts';
import type { Db, Tx } from '../db/database.ts';
import { badRequest, notFound } from '../errors.ts';
import { recordAudit } from '../audit/auditTrail.ts';

/**
 * How long an admin can read a message that waits to be passed on by hand.
 * Long enough to cover a weekend and a holiday; a link issued longer ago
 * and never passed on is better issued again.
 */
export const HELD_TEXT_DAYS = 7;

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

export interface MailSettings {
  smtpUrl: string | null;
  mailFrom: string;
}

/**
 * Queues an email. Without SMTP it is held in the outbox, readable by admins.
 * Returns what really happened to it, for the screen that triggered it to say.
 */
export function enqueueEmail(tx: Db | Tx, settings: Pick<MailSettings, 'smtpUrl'>, email: OutgoingEmail, now = new Date()): EmailDelivery {
  const route = settings.smtpUrl ? 'mail_server' : 'outbox';
  tx.insert(emailOutbox)
    .values({ to: email.to, subject: email.subject, textBody: email.text, status: route === 'mail_server' ? 'pending' : 'held', createdAt: now })
    .run();
  return { to: email.to, route };
}

const MAX_ATTEMPTS = 5;

/** Sends pending emails, oldest first; failures are retried a few times and then left visible as failed. */
export async function deliverPendingEmails(db: Db, transport: Transporter, from: string): Promise<number> {
  const pending = db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.attempts, MAX_ATTEMPTS - 1)))
    .orderBy(asc(emailOutbox.id))
    .limit(20)
    .all();
  let sent = 0;
  for (const email of pending) {
    try {
      await transport.sendMail({ from, to: email.to, subject: email.subject, text: email.textBody });
      // Delivered: the recipient has the text, so the database no longer keeps its secrets.
      const now = new Date();
      db.update(emailOutbox)
        .set({ status: 'sent', sentAt: now, attempts: email.attempts + 1, lastError: null, textBody: '', bodyErasedAt: now })
        .where(eq(emailOutbox.id, email.id))
        .run();
      sent += 1;
    } catch (error) {
      const attempts = email.attempts + 1;
      db.update(emailOutbox)
        .set({ attempts, lastError: (error as Error).message.slice(0, 500), status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending' })
        .where(eq(emailOutbox.id, email.id))
        .run();
    }
  }
  return sent;
}

/** Starts the delivery loop when SMTP is configured; returns a function that stops it. */
/** Returns the function that stops delivery: no new round starts, and its promise settles once the round under way has recorded what it sent. */
export function startMailDelivery(db: Db, settings: MailSettings, log: (error: unknown) => void, transport?: Transporter): () => Promise<void> {
  if (!settings.smtpUrl && !transport) return async () => {};
  const mailer = transport ?? nodemailer.createTransport(settings.smtpUrl!);
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    running ??= deliverPendingEmails(db, mailer, settings.mailFrom)
      .then(() => undefined, log)
      .finally(() => {
        running = null;
      });
  }, 2_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    // A message sent but not yet marked sent would go out twice after the restart.
    await running;
  };
}

const readableUntil = (createdAt: Date) => addDays(createdAt, HELD_TEXT_DAYS);

/**
 * The Outbox page: the latest 200 messages. A text is shown only while it
 * still has to be passed on by hand (held, or failed to send) and for at
 * most HELD_TEXT_DAYS; otherwise `text` is null, even if the hourly job has
 * not erased it yet.
 */
export function listOutbox(db: Db, now: Date) {
  const rows = db
    .select({
      id: emailOutbox.id,
      to: emailOutbox.to,
      subject: emailOutbox.subject,
      text: emailOutbox.textBody,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      lastError: emailOutbox.lastError,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
      textErasedAt: emailOutbox.bodyErasedAt,
    })
    .from(emailOutbox)
    .orderBy(desc(emailOutbox.id))
    .limit(200)
    .all();
  return rows.map((row) => {
    const until = readableUntil(row.createdAt);
    const readable = row.textErasedAt === null && (row.status === 'held' || row.status === 'failed' || row.status === 'pending') && now < until;
    return { ...row, text: readable ? row.text : null, textReadableUntil: readable ? until : null, textErasedAt: readable ? null : (row.textErasedAt ?? until) };
  });
}

/**
 * An admin passed a held (or failed) message on by hand: it counts as
 * delivered, its text is erased, and the audit log records who did it.
 */
export function markPassedOn(svc: ServiceContext, emailId: number) {
  const { db, actor, now } = svc;
  return db.transaction((tx) => {
    const email = tx.select().from(emailOutbox).where(eq(emailOutbox.id, emailId)).get();
    if (!email) throw notFound('The email');
    if (email.status !== 'held' && email.status !== 'failed') {
      throw badRequest(email.status === 'passed_on' ? 'This email was already marked as passed on.' : 'Only an email that was not sent can be marked as passed on.');
    }
    if (email.bodyErasedAt || now >= readableUntil(email.createdAt)) {
      throw badRequest(`The text of this email was removed after ${HELD_TEXT_DAYS} days, so it cannot have been passed on since. Send a new one if it is still needed.`);
    }
    tx.update(emailOutbox).set({ status: 'passed_on', sentAt: now, textBody: '', bodyErasedAt: now }).where(eq(emailOutbox.id, emailId)).run();
    recordAudit(tx, {
      actor,
      action: 'outbox.passed_on',
      targetType: 'email',
      targetId: emailId,
      before: { status: email.status },
      after: { status: 'passed_on', to: email.to, subject: email.subject },
      at: now,
    });
    return { id: emailId, status: 'passed_on' as const };
  });
}

/**
 * Erases the texts no longer needed: those delivered (by SMTP or by hand)
 * and those older than HELD_TEXT_DAYS. At most `limit` per call, for the
 * scheduled jobs; idempotent, so it also erases texts kept by versions that
 * did not erase them. Returns how many it erased.
 */
export function eraseDeliveredTexts(db: Db, now: Date, limit = Number.MAX_SAFE_INTEGER): number {
  const due = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(isNull(emailOutbox.bodyErasedAt), or(inArray(emailOutbox.status, ['sent', 'passed_on']), lte(emailOutbox.createdAt, subDays(now, HELD_TEXT_DAYS)))))
    .limit(limit);
  return db
    .update(emailOutbox)
    .set({ textBody: '', bodyErasedAt: now })
    .where(inArray(emailOutbox.id, due))
    .run().changes;
}
