/**
 * Every staff action that writes an email tells the screen what became of
 * it: on its way through the mail server, or only queued in the Outbox
 * because none is configured. Checked both ways for each such action; with
 * SMTP, the message then really reaches a mail server (a catcher on loopback).
 */
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessments, emailOutbox } from '../../drizzle/schema/index.ts';
import type { Auth } from '../../server/accounts/betterAuth.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { StaffUser } from '../../server/platform/callers.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { deliverPendingEmails } from '../../server/platform/mail/outbox.ts';
import { createCaller } from '../../server/router.ts';
import { latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import { createTestAuth, createUserWithPassword } from '../helpers/auth.ts';
import { createVendor } from '../helpers/factories.ts';
import { startSmtpCatcher, type SmtpCatcher } from '../helpers/smtpCatcher.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

let db: Db;
let auth: Auth;
let admin: StaffUser;
let smtp: SmtpCatcher;
let counter = 0;

beforeAll(async () => {
  db = createTestDatabase().db;
  auth = createTestAuth(db);
  const created = await createUserWithPassword(auth, 'admin', 'boss@tollgate.example');
  admin = { id: created.id, name: 'Boss', email: created.email, role: 'admin' };
  smtp = await startSmtpCatcher();
});
afterAll(() => smtp.close());

/** An administrator's session on a server with, or without, a mail server configured. */
function callerWith(smtpUrl: string | null) {
  return createCaller(
    createContextInner({ db, user: admin, mfa: { required: true, satisfied: true, totp: true, passkeys: 0 }, services: { auth, publicUrl: 'https://tollgate.example', mail: { smtpUrl } } }),
  );
}

function newAssessment(): number {
  counter += 1;
  const vendorId = createVendor(db, { name: `Mail Vendor ${counter}` });
  return db.insert(assessments).values({ vendorId, templateVersionId: latestPublishedVersion(db, 'lite').id, status: 'draft' }).returning().get().id;
}

const outboxStatus = (to: string) => db.select({ status: emailOutbox.status }).from(emailOutbox).where(eq(emailOutbox.to, to)).all().map((r) => r.status);

/** Every action that emails someone, run once; returns what the server reported and to whom it wrote. */
const ACTIONS: Record<string, (caller: ReturnType<typeof callerWith>, tag: string) => Promise<{ reported: unknown; to: string }>> = {
  'a questionnaire link': async (caller, tag) => {
    const to = `vera-${tag}@vendor.example`;
    const created = await caller.assessments.createShareLink({ assessmentId: newAssessment(), recipientName: 'Vera', recipientEmail: to });
    return { reported: created.email, to };
  },
  'an invitation': async (caller, tag) => {
    const to = `pat-${tag}@example.com`;
    const invited = await caller.users.invite({ email: to, name: 'Pat', role: 'procurement' });
    return { reported: invited.email, to };
  },
  'an MFA reset notice': async (caller, tag) => {
    const to = `lost-${tag}@example.com`;
    const { id } = await callerWith(null).users.invite({ email: to, name: 'Lost Phone', role: 'ciso' });
    db.delete(emailOutbox).where(eq(emailOutbox.to, to)).run();
    const reset = await caller.users.resetMfa({ userId: id, reason: 'Video call, face matched to the staff photo' });
    return { reported: reset.email, to };
  },
  'a reopened questionnaire': async (caller, tag) => {
    const to = `rita-${tag}@vendor.example`;
    const assessmentId = newAssessment();
    await callerWith(null).assessments.createShareLink({ assessmentId, recipientName: 'Rita', recipientEmail: to, sendEmail: false });
    db.update(assessments).set({ status: 'submitted', submittedAt: new Date() }).where(eq(assessments.id, assessmentId)).run();
    const reopened = await caller.assessments.reopen({ assessmentId, note: 'Please attach the MFA policy.' });
    expect(reopened.emails).toHaveLength(1);
    return { reported: reopened.emails[0], to };
  },
};

describe('what the server reports about the emails it writes', () => {
  for (const [what, run] of Object.entries(ACTIONS)) {
    it(`${what}, without a mail server: queued in the Outbox, and said so`, async () => {
      const { reported, to } = await run(callerWith(null), 'held');
      expect(reported).toEqual({ to, route: 'outbox' });
      expect(outboxStatus(to)).toEqual(['held']);
    });

    it(`${what}, with a mail server: on its way through it, and it arrives there`, async () => {
      const { reported, to } = await run(callerWith(smtp.url), 'smtp');
      expect(reported).toEqual({ to, route: 'mail_server' });
      expect(outboxStatus(to)).toEqual(['pending']);
      await deliverPendingEmails(db, nodemailer.createTransport(smtp.url), 'tollgate@tollgate.example');
      expect(outboxStatus(to)).toEqual(['sent']);
      expect(smtp.messages.some((m) => m.to.includes(to))).toBe(true);
    });
  }

  it('a link created without an email reports none', async () => {
    const created = await callerWith(smtp.url).assessments.createShareLink({ assessmentId: newAssessment(), recipientName: 'Nora', recipientEmail: 'nora@vendor.example', sendEmail: false });
    expect(created.email).toBeNull();
    expect(outboxStatus('nora@vendor.example')).toEqual([]);
  });

  it('a reopened questionnaire nobody was given a link to reports no email', async () => {
    const assessmentId = newAssessment();
    db.update(assessments).set({ status: 'submitted', submittedAt: new Date() }).where(eq(assessments.id, assessmentId)).run();
    expect(await callerWith(null).assessments.reopen({ assessmentId, note: 'Please attach the MFA policy.' })).toEqual({ emails: [] });
  });
});
