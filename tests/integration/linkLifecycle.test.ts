/**
 * How long a vendor's link session lasts, over real HTTP. Cancelling the
 * assessment, revoking the link, the link expiring and completing the review
 * each end the sessions already open, at once; the session check itself
 * refuses them whatever else happened; the vendor is told why and whom to
 * ask. Also: reopening emails only the recipients of live links.
 */
import { and, eq } from 'drizzle-orm';
import { addDays, addHours, addMinutes } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers, assessments, auditEvents, emailOutbox, linkSessions, shareLinks, users } from '../../drizzle/schema/index.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { StaffUser } from '../../server/platform/callers.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { createCaller } from '../../server/router.ts';
import { latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import { createVendor } from '../helpers/factories.ts';
import { linkClient } from '../helpers/linkClient.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

let db: Db;
let server: TestServer;
let vendor: ReturnType<typeof linkClient>;
let clock = new Date('2026-06-15T09:00:00Z');
const tick = (minutes = 1) => {
  clock = addMinutes(clock, minutes);
};
const priya: StaffUser = { id: 'u-priya', name: 'Priya Procurement', email: 'priya@tollgate.example', role: 'procurement' };
const priyaContact = { name: 'Priya Procurement', email: 'priya@tollgate.example' };

const staff = () => createCaller(createContextInner({ db, user: priya, now: () => clock, services: { publicUrl: server.base } }));

function newAssessment(name: string): number {
  const vendorId = createVendor(db, { name, holdings: [{ category: 'contact.email', records: 1000 }] });
  const version = latestPublishedVersion(db, 'lite');
  return db.insert(assessments).values({ vendorId, templateVersionId: version.id, status: 'draft', assessorId: priya.id, dueDate: '2030-01-31' }).returning().get().id;
}

async function newLink(assessmentId: number, recipientName: string, expiresInDays = 14) {
  const email = `${recipientName.toLowerCase()}@vendor.example`;
  return staff().assessments.createShareLink({ assessmentId, recipientName, recipientEmail: email, expiresInDays });
}

/** A vendor browser holding a session of this link. */
async function sessionOf(url: string): Promise<string> {
  const opened = await vendor.openLink(url);
  expect(opened.status).toBe(303);
  return opened.cookie!;
}

const sessionsOf = (assessmentId: number) =>
  db
    .select({ expiresAt: linkSessions.expiresAt })
    .from(linkSessions)
    .innerJoin(shareLinks, eq(shareLinks.id, linkSessions.shareLinkId))
    .where(eq(shareLinks.assessmentId, assessmentId))
    .all();

const auditOf = (assessmentId: number, action: string) =>
  db
    .select({ after: auditEvents.after, actorId: auditEvents.actorId })
    .from(auditEvents)
    .where(and(eq(auditEvents.targetId, String(assessmentId)), eq(auditEvents.action, action)))
    .all();

beforeAll(async () => {
  db = createTestDatabase().db;
  db.insert(users).values({ id: priya.id, name: priya.name, email: priya.email, role: 'procurement' }).run();
  server = await startTestServer(db, { now: () => clock });
  vendor = linkClient(server.base);
});
afterAll(() => server.close());

describe('cancelling an assessment', () => {
  it('ends every session of every one of its links at once, and tells the vendor the questionnaire is closed and whom to ask', async () => {
    const assessmentId = newAssessment('Cancel Vendor');
    const ann = await newLink(assessmentId, 'Ann');
    const bob = await newLink(assessmentId, 'Bob');
    const cookies = [await sessionOf(ann.url), await sessionOf(ann.url), await sessionOf(bob.url)];
    const saved = await vendor.portal(cookies[0]!, 'saveAnswer', { controlId: 'IAM-01', value: 'yes', comment: 'Keys for all', baseRevision: 0 }, 'POST');
    expect(saved.status).toBe(200);
    const evidence = await vendor.upload(cookies[0]!, { controlId: 'IAM-01' });
    expect(evidence.status).toBe(201);
    for (const cookie of cookies) expect((await vendor.portal(cookie, 'overview')).status).toBe(200);

    tick();
    await staff().assessments.transition({ assessmentId, to: 'cancelled', note: 'Vendor contract not renewed' });

    for (const cookie of cookies) {
      const overview = await vendor.portal(cookie, 'overview');
      expect(overview.status).toBe(401);
      expect(overview.error?.message).toContain('This questionnaire is closed');
      expect(overview.error?.message).toContain('Priya Procurement (priya@tollgate.example)');
      expect(overview.error?.data.details).toEqual({ sessionEnded: 'closed', contact: priyaContact });
      expect((await vendor.portal(cookie, 'questionnaire')).status).toBe(401);
      expect((await vendor.portal(cookie, 'tasks')).status).toBe(401);
    }
    // Nothing can be read or written any more, evidence included.
    const write = await vendor.portal(cookies[2]!, 'saveAnswer', { controlId: 'IAM-02', value: 'no', comment: '', baseRevision: 0 }, 'POST');
    expect(write.status).toBe(401);
    expect(db.select().from(answers).where(eq(answers.assessmentId, assessmentId)).all().map((a) => a.controlId)).toEqual(['IAM-01']);
    const download = await vendor.download(cookies[0]!, evidence.body.id!);
    expect(download.status).toBe(401);
    expect(download.body).not.toContain('mfa,on');
    const upload = await vendor.upload(cookies[1]!, { controlId: 'IAM-02' });
    expect(upload.status).toBe(401);
    expect(upload.body).toMatchObject({ error: expect.stringContaining('closed'), details: { sessionEnded: 'closed', contact: priyaContact } });

    // The sessions are ended in the database too, and the audit log says how many.
    expect(sessionsOf(assessmentId).every((s) => s.expiresAt.getTime() <= clock.getTime())).toBe(true);
    expect(auditOf(assessmentId, 'share_link.sessions_ended').map((e) => e.after)).toEqual([{ cause: 'assessment_cancelled', sessions: 3 }]);

    // Opening the link again gives the same answer, as a plain page.
    const again = await vendor.openLink(ann.url);
    expect(again.status).toBe(410);
    expect(again.html).toContain('<h1>This questionnaire is closed</h1>');
    expect(again.html).toContain('mailto:priya@tollgate.example');
    expect(again.cookie).toBeNull();
  });

  it('is refused by the session check itself, even where no session was ended', async () => {
    const assessmentId = newAssessment('Check Vendor');
    const { url } = await newLink(assessmentId, 'Cleo');
    const cookie = await sessionOf(url);
    expect((await vendor.portal(cookie, 'questionnaire')).status).toBe(200);
    // A path that changed the status without ending anything (a future bug, a manual fix in the database).
    db.update(assessments).set({ status: 'cancelled' }).where(eq(assessments.id, assessmentId)).run();
    const refused = await vendor.portal(cookie, 'questionnaire');
    expect(refused.status).toBe(401);
    expect(refused.error?.data.details).toMatchObject({ sessionEnded: 'closed' });
    expect(sessionsOf(assessmentId)[0]!.expiresAt.getTime()).toBeGreaterThan(clock.getTime());
  });
});

describe('revoking a link', () => {
  it('ends that link\'s sessions only, and tells its holder the link was withdrawn and whom to ask for a new one', async () => {
    const assessmentId = newAssessment('Revoke Vendor');
    const rita = await newLink(assessmentId, 'Rita');
    const sam = await newLink(assessmentId, 'Sam');
    const ritaCookie = await sessionOf(rita.url);
    const samCookie = await sessionOf(sam.url);

    tick();
    await staff().assessments.revokeShareLink({ linkId: rita.linkId });

    const refused = await vendor.portal(ritaCookie, 'overview');
    expect(refused.status).toBe(401);
    expect(refused.error?.message).toBe('This questionnaire link was withdrawn. Answers already saved are kept. Ask Priya Procurement (priya@tollgate.example) for a new link.');
    expect(refused.error?.data.details).toEqual({ sessionEnded: 'withdrawn', contact: priyaContact });
    expect((await vendor.portal(samCookie, 'overview')).status).toBe(200);
    expect(auditOf(assessmentId, 'share_link.sessions_ended').map((e) => e.after)).toEqual([{ cause: 'link_revoked', sessions: 1, linkId: rita.linkId }]);
    const again = await vendor.openLink(rita.url);
    expect(again.status).toBe(410);
    expect(again.html).toContain('<h1>This questionnaire link was withdrawn</h1>');
  });
});

describe('a link expiring', () => {
  it('ends a session still in use at that moment, and says the link expired', async () => {
    const assessmentId = newAssessment('Expiry Vendor');
    const { url } = await newLink(assessmentId, 'Ed', 1);
    const cookie = await sessionOf(url);
    // Used every 6 hours, the session stays good, its idle end sliding up to the link's own end.
    for (let i = 0; i < 3; i += 1) {
      clock = addHours(clock, 6);
      expect((await vendor.portal(cookie, 'overview')).status).toBe(200);
    }
    clock = addHours(clock, 6);
    const refused = await vendor.portal(cookie, 'overview');
    expect(refused.status).toBe(401);
    expect(refused.error?.message).toContain('This questionnaire link has expired');
    expect(refused.error?.data.details).toEqual({ sessionEnded: 'expired', contact: priyaContact });
  });

  it('is refused by the session check even if the session row says later', async () => {
    const assessmentId = newAssessment('Expiry Check Vendor');
    const { url, linkId } = await newLink(assessmentId, 'Eli');
    const cookie = await sessionOf(url);
    db.update(shareLinks).set({ expiresAt: addMinutes(clock, -1) }).where(eq(shareLinks.id, linkId)).run();
    expect((await vendor.portal(cookie, 'overview')).error?.data.details).toMatchObject({ sessionEnded: 'expired' });
  });

  it('an idle session ends on its own after 8 hours, and the vendor is sent back to its link', async () => {
    const assessmentId = newAssessment('Idle Vendor');
    const { url } = await newLink(assessmentId, 'Ida');
    const cookie = await sessionOf(url);
    clock = addHours(clock, 8);
    const refused = await vendor.portal(cookie, 'overview');
    expect(refused.status).toBe(401);
    expect(refused.error?.message).toBe('Your questionnaire session has ended: open the link from your email again to continue.');
    expect(refused.error?.data.details).toEqual({ sessionEnded: 'ended', contact: priyaContact });
    expect((await vendor.portal(await sessionOf(url), 'overview')).status).toBe(200);
  });
});

describe('what a session may do as the assessment moves on', () => {
  it('answering while open, reading once submitted and in review, remediation tasks only through a session opened after the review completed', async () => {
    const assessmentId = newAssessment('Lifecycle Vendor');
    const { url } = await newLink(assessmentId, 'Lia');
    const early = await sessionOf(url);

    // Sent / in progress: everything of the questionnaire.
    expect((await vendor.portal(early, 'saveAnswer', { controlId: 'IAM-01', value: 'no', comment: 'SMS only', baseRevision: 0 }, 'POST')).status).toBe(200);
    expect((await vendor.upload(early, { controlId: 'IAM-01' })).status).toBe(201);
    expect((await vendor.portal(early, 'tasks')).data).toEqual({ available: false, tasks: [] });
    expect((await vendor.portal(early, 'submit', { confirmUnanswered: true }, 'POST')).data).toMatchObject({ submitted: true });

    // Submitted, then in review: the same session reads, and changes nothing.
    for (const step of ['submitted', 'in_review'] as const) {
      if (step === 'in_review') await staff().assessments.transition({ assessmentId, to: 'in_review' });
      expect((await vendor.portal(early, 'questionnaire')).data.editable).toBe(false);
      expect((await vendor.portal(early, 'saveAnswer', { controlId: 'IAM-02', value: 'yes', comment: '', baseRevision: 0 }, 'POST')).status).toBe(412);
      expect((await vendor.upload(early, { controlId: 'IAM-02' })).status).toBe(409);
    }

    tick();
    await staff().assessments.transition({ assessmentId, to: 'completed' });

    // The session opened to answer has ended; the vendor is sent back through its link.
    const ended = await vendor.portal(early, 'tasks');
    expect(ended.status).toBe(401);
    expect(ended.error?.message).toBe('The review of your answers is complete. Open the link from your email again to see what happens next.');
    expect(ended.error?.data.details).toMatchObject({ sessionEnded: 'review_complete' });
    expect(auditOf(assessmentId, 'share_link.sessions_ended').map((e) => e.after)).toEqual([{ cause: 'assessment_completed', sessions: 1 }]);

    // A new session: read-only answers, and the remediation tasks to work on.
    tick();
    const later = await sessionOf(url);
    expect((await vendor.portal(later, 'overview')).data).toMatchObject({ status: 'completed', editable: false });
    expect((await vendor.portal(later, 'saveAnswer', { controlId: 'IAM-02', value: 'yes', comment: '', baseRevision: 0 }, 'POST')).status).toBe(412);
    expect((await vendor.upload(later, { controlId: 'IAM-02' })).status).toBe(409);
    const tasks = await vendor.portal(later, 'tasks');
    expect(tasks.data.available).toBe(true);
    const task = tasks.data.tasks.find((t: { controlId: string }) => t.controlId === 'IAM-01');
    expect(task).toBeDefined();
    expect((await vendor.portal(later, 'updateTask', { taskId: task.id, response: 'Moved everyone to security keys.', readyForVerification: true }, 'POST')).data).toEqual({ id: task.id, status: 'ready_for_verification' });
    expect((await vendor.upload(later, { taskId: task.id })).status).toBe(201);
    // Still a session like any other: later revoking the link ends it.
    await staff().assessments.revokeShareLink({ linkId: db.select({ id: shareLinks.id }).from(shareLinks).where(eq(shareLinks.assessmentId, assessmentId)).get()!.id });
    expect((await vendor.portal(later, 'tasks')).status).toBe(401);
  });
});

describe('reopening a submitted questionnaire', () => {
  it('emails only the recipients of links that still work', async () => {
    const assessmentId = newAssessment('Reopen Vendor');
    const live = await newLink(assessmentId, 'Liv');
    const revoked = await newLink(assessmentId, 'Rex');
    await newLink(assessmentId, 'Exa', 1);
    await vendor.portal(await sessionOf(live.url), 'submit', { confirmUnanswered: true }, 'POST');
    await staff().assessments.revokeShareLink({ linkId: revoked.linkId });
    clock = addDays(clock, 2); // Exa's one-day link has expired.

    await staff().assessments.reopen({ assessmentId, note: 'Please answer the recovery questions too.' });

    const reopenMails = db.select({ to: emailOutbox.to }).from(emailOutbox).where(eq(emailOutbox.subject, 'Your security questionnaire was reopened')).all();
    expect(reopenMails).toEqual([{ to: 'liv@vendor.example' }]);
  });
});
