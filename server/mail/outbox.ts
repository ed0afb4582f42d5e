/**
 * Every email is written to the outbox in the same transaction as the
 * change it reports, so none is lost if the process stops. With SMTP
 * configured the delivery loop sends it; without, it is held for admins to
 * read on the Outbox page: a message is never silently dropped.
 */
import { and, asc, eq, lte } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { EmailDelivery } from '../../shared/emailDelivery.ts';
import { emailOutbox } from '../../drizzle/schema/index.ts';
import type { Db, Tx } from '../db/database.ts';

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
      db.update(emailOutbox).set({ status: 'sent', sentAt: new Date(), attempts: email.attempts + 1, lastError: null }).where(eq(emailOutbox.id, email.id)).run();
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
export function startMailDelivery(db: Db, settings: MailSettings, log: (error: unknown) => void, transport?: Transporter): () => void {
  if (!settings.smtpUrl && !transport) return () => {};
  const mailer = transport ?? nodemailer.createTransport(settings.smtpUrl!);
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    deliverPendingEmails(db, mailer, settings.mailFrom)
      .catch(log)
      .finally(() => {
        running = false;
      });
  }, 2_000);
  timer.unref();
  return () => clearInterval(timer);
}
