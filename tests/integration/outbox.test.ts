/**
 * Secrets in the email outbox: a questionnaire link's text is kept only
 * while someone still has to deliver it. SMTP delivery erases it, an admin
 * marking a held message "passed on" erases it (audited), and texts older
 * than seven days are erased by the scheduled job. The only stand-in is the
 * SMTP server, an external edge: nodemailer's JSON transport.
 */
import { readFileSync } from 'node:fs';
import { addDays } from 'date-fns';
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { assessments, auditEvents, emailOutbox } from '../../drizzle/schema/index.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { StaffUser } from '../../server/platform/callers.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { runDueJobs } from '../../server/jobs.ts';
import { deliverPendingEmails, HELD_TEXT_DAYS } from '../../server/platform/mail/outbox.ts';
import { createCaller } from '../../server/router.ts';
import { latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import { createUser, createVendor, NOW } from '../helpers/factories.ts';
import { createTestDatabase, makeTempDir } from '../helpers/testDatabase.ts';

const procurement: StaffUser = { id: 'u-proc', name: 'Priya Procurement', email: 'priya@tollgate.example', role: 'procurement' };
const admin: StaffUser = { id: 'u-admin', name: 'Ada Admin', email: 'ada@tollgate.example', role: 'admin' };
const quietLog = { info: () => {}, error: (details: object) => expect.fail(JSON.stringify(details)) };

function setup(smtpUrl: string | null) {
  const { db, file } = createTestDatabase();
  createUser(db, procurement.id, 'procurement');
  createUser(db, admin.id, 'admin');
  const vendorId = createVendor(db, { name: 'Outbox Vendor' });
  const assessmentId = db.insert(assessments).values({ vendorId, templateVersionId: latestPublishedVersion(db, 'lite').id, status: 'draft' }).returning().get().id;
  const as = (user: StaffUser, at = NOW) => createCaller(createContextInner({ db, user, now: () => at, services: { mail: { smtpUrl } } }));
  return { db, file, assessmentId, as };
}

async function sendLink(as: ReturnType<typeof setup>['as'], assessmentId: number) {
  const { url } = await as(procurement).assessments.createShareLink({ assessmentId, recipientName: 'Vera Vendor', recipientEmail: 'vera@vendor.example' });
  return { url, token: url.split('/q/')[1]! };
}

/** Every byte SQLite keeps for this database, once the WAL is folded in and emptied. */
function storedBytes(db: Db, file: string): string {
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  return readFileSync(file).toString('latin1');
}

describe('email texts with secrets', () => {
  it('erases a text once SMTP has delivered it, keeping to whom, the subject and when', async () => {
    const { db, file, assessmentId, as } = setup('smtp://mail.example:587');
    const { url, token } = await sendLink(as, assessmentId);
    const delivered: string[] = [];
    const transport = nodemailer.createTransport({
      name: 'smtp-stand-in',
      version: '1',
      send: (mail, done) => {
        delivered.push(String(mail.data.text));
        done(null, { envelope: mail.message.getEnvelope(), messageId: '<1@test>' });
      },
    });

    expect(await deliverPendingEmails(db, transport, 'tollgate@example.com')).toBe(1);
    expect(delivered[0]).toContain(url);
    const row = db.select().from(emailOutbox).get()!;
    expect(row).toMatchObject({ to: 'vera@vendor.example', status: 'sent', textBody: '' });
    expect(row.bodyErasedAt).toBeInstanceOf(Date);
    const [listed] = await as(admin).outbox.list();
    expect(listed).toMatchObject({ to: 'vera@vendor.example', subject: 'Security questionnaire for Outbox Vendor', status: 'sent', text: null, textReadableUntil: null });
    // Not in the file either: the erased text was overwritten, not just unlinked.
    expect(storedBytes(db, file)).not.toContain(token);
  });

  it('without SMTP shows the text to admins until one marks it passed on, which erases it and is audited', async () => {
    const { db, file, assessmentId, as } = setup(null);
    const { url, token } = await sendLink(as, assessmentId);
    const [held] = await as(admin).outbox.list();
    expect(held).toMatchObject({ status: 'held', textErasedAt: null });
    expect(held!.text).toContain(url);
    expect(held!.textReadableUntil).toEqual(addDays(NOW, HELD_TEXT_DAYS));

    const later = addDays(NOW, 1);
    expect(await as(admin, later).outbox.markPassedOn({ id: held!.id })).toEqual({ id: held!.id, status: 'passed_on' });
    const [passed] = await as(admin, later).outbox.list();
    expect(passed).toMatchObject({ status: 'passed_on', text: null, sentAt: later, textErasedAt: later });
    const audit = db.select().from(auditEvents).where(eq(auditEvents.action, 'outbox.passed_on')).all();
    expect(audit).toMatchObject([{ actorId: admin.id, targetType: 'email', targetId: String(held!.id), after: { status: 'passed_on', to: 'vera@vendor.example' } }]);
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(storedBytes(db, file)).not.toContain(token);

    await expect(as(admin, later).outbox.markPassedOn({ id: held!.id })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'This email was already marked as passed on.' });
    await expect(as(admin).outbox.markPassedOn({ id: 999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(admin).outbox.markPassedOn({ id: 1.5 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(as(procurement).outbox.markPassedOn({ id: held!.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it(`erases texts after ${HELD_TEXT_DAYS} days, and those an older version kept after sending`, async () => {
    const { db, assessmentId, as } = setup(null);
    const { token } = await sendLink(as, assessmentId);
    // A message an older version sent and kept whole.
    db.insert(emailOutbox).values({ to: 'old@example.com', subject: 'Old', textBody: 'Set your password: https://t.example/set?token=old-secret', status: 'sent', sentAt: NOW, createdAt: NOW }).run();

    const justBefore = addDays(NOW, HELD_TEXT_DAYS - 0.01);
    await runDueJobs({ db, uploadsDir: makeTempDir('uploads-') }, quietLog, justBefore);
    const kept = db.select().from(emailOutbox).where(eq(emailOutbox.to, 'vera@vendor.example')).get()!;
    expect(kept.textBody).toContain(token);
    expect(db.select().from(emailOutbox).where(eq(emailOutbox.to, 'old@example.com')).get()).toMatchObject({ textBody: '', bodyErasedAt: justBefore });

    // Once the days are up the page hides the text at once, and the next run of the job erases it.
    const after = addDays(NOW, HELD_TEXT_DAYS);
    const [listed] = await as(admin, after).outbox.list();
    expect(listed).toMatchObject({ to: 'old@example.com', text: null });
    expect((await as(admin, after).outbox.list()).find((e) => e.to === 'vera@vendor.example')).toMatchObject({ status: 'held', text: null, textErasedAt: after });
    await expect(as(admin, after).outbox.markPassedOn({ id: kept.id })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('removed after 7 days') });
    await runDueJobs({ db, uploadsDir: makeTempDir('uploads-') }, quietLog, after);
    expect(db.select().from(emailOutbox).where(eq(emailOutbox.id, kept.id)).get()).toMatchObject({ status: 'held', textBody: '', bodyErasedAt: after });
  });
});
