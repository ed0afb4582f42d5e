/**
 * The review conversation over real HTTP, staff and vendor each with their
 * own cookie: a reviewer's question or rejection note reaches the vendor's
 * link (counted, on the question), the vendor replies with text and new
 * evidence, the reviewer reads the reply and decides. Every message is kept
 * with its author and time, every step is audited, the vendor is emailed
 * (and the server says truthfully how), and replies are possible only while
 * the assessment is in review. Also: reviewing never moves the answer's own
 * author and time, and "accept all remaining" with its confirmed count.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { and, asc, eq, like } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers, assessments, auditEvents, emailOutbox, evidenceFiles, reviewMessages, users, vendors } from '../../drizzle/schema/index.ts';
import { createContextInner } from '../../server/platform/context.ts';
import { MIGRATIONS_FOLDER, migrateDatabase, openDatabase, type Db } from '../../server/platform/db/database.ts';
import { type AppRouter, createCaller } from '../../server/router.ts';
import { verifyAuditChain } from '../../server/platform/audit/auditTrail.ts';
import { respondToClarification } from '../../server/assessments/review/answerReview.ts';
import { latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import { CORE_CATALOGUE_V1 } from '#shared/catalogue/coreV1.ts';
import { builtInQuestionnaire } from '#shared/templates/builtIn.ts';
import { transformer } from '#shared/transformer.ts';
import { createUserWithPassword, signIn } from '../helpers/auth.ts';
import { createVendor } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { createTestDatabase, makeTempDir } from '../helpers/testDatabase.ts';

/** A tiny PDF that passes the server's content check. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');

let db: Db;
let server: TestServer;
let clock = new Date('2026-06-15T09:00:00Z');
let staffCookie: string;
let reviewer: { id: string; email: string; name: string };

const client = (base: string, cookie: string) => createTRPCClient<AppRouter>({ links: [httpLink({ url: `${base}/trpc`, transformer, headers: { cookie } })] });
const tick = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
  return clock;
};

/** A browser of its own: follows the link and keeps the vendor's session cookie. */
async function openLink(url: string): Promise<string> {
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(303);
  return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

async function upload(base: string, cookie: string, controlId: string, name = 'callback-procedure.pdf') {
  const form = new FormData();
  form.append('controlId', controlId);
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), name);
  const response = await fetch(`${base}/api/portal/evidence`, { method: 'POST', headers: { cookie }, body: form });
  return { status: response.status, body: (await response.json()) as { id: number; error?: string } };
}

async function codeOf(promise: Promise<unknown>): Promise<{ code: string | undefined; status: number | undefined; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      const data = error.data as { code?: string; httpStatus?: number } | undefined;
      return { code: data?.code, status: data?.httpStatus, message: error.message };
    }
    throw error;
  }
  throw new Error('The call succeeded');
}

/** A Lite assessment the vendor answered (all Yes but IAM-04 No) and submitted, now in review; returns both sides' clients. */
async function assessmentInReview(name: string, opts: { base?: string; staff?: string } = {}) {
  const base = opts.base ?? server.base;
  const staff = client(base, opts.staff ?? staffCookie);
  const vendorId = createVendor(db, { name, holdings: [{ category: 'contact.email', records: 1000 }] });
  const version = latestPublishedVersion(db, 'lite');
  const assessmentId = db.insert(assessments).values({ vendorId, templateVersionId: version.id, status: 'draft', assessorId: reviewer.id }).returning().get().id;
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@vendor.example`;
  const link = await staff.assessments.createShareLink.mutate({ assessmentId, recipientName: 'Vera Vendor', recipientEmail: email });
  const vendorCookie = await openLink(link.url);
  const vendor = client(base, vendorCookie);
  const questionnaire = await vendor.portal.questionnaire.query();
  for (const control of questionnaire.controls) {
    await vendor.portal.saveAnswer.mutate({ controlId: control.id, value: control.id === 'IAM-04' ? 'no' : 'yes', comment: '', baseRevision: 0 });
  }
  await vendor.portal.submit.mutate({});
  tick(60);
  await staff.assessments.transition.mutate({ assessmentId, to: 'in_review' });
  return { assessmentId, staff, vendor, vendorCookie, email, linkId: link.linkId, controls: questionnaire.controls.map((c) => c.id) };
}

const auditActions = (assessmentId: number) =>
  db
    .select({ action: auditEvents.action, actor: auditEvents.actorLabel, after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.targetType, 'assessment'), eq(auditEvents.targetId, String(assessmentId))))
    .orderBy(asc(auditEvents.id))
    .all();

const threadRows = (assessmentId: number, controlId: string) =>
  db.select().from(reviewMessages).where(and(eq(reviewMessages.assessmentId, assessmentId), eq(reviewMessages.controlId, controlId))).orderBy(asc(reviewMessages.id)).all();

beforeAll(async () => {
  db = createTestDatabase().db;
  server = await startTestServer(db, { now: () => clock });
  const user = await createUserWithPassword(server.auth, 'procurement', 'rita.reviewer@tollgate.example');
  reviewer = { id: user.id, email: user.email, name: 'Test procurement' };
  staffCookie = (await signIn(server.base, user.email)).cookie!;
});
afterAll(() => server.close());

describe('a question to the vendor', () => {
  it('reaches the vendor: counted at once, on the question with the reviewer\'s words, answered with text and a new file, read by the reviewer beside the answer', async () => {
    const { assessmentId, staff, vendor, vendorCookie, email } = await assessmentInReview('Question Vendor');
    const question = 'Which number does the help desk call back: the one in the HR system, or the caller’s?';
    const askedAt = tick(5);
    const asked = await staff.assessments.reviewAnswer.mutate({ assessmentId, controlId: 'REC-01', decision: 'clarify', note: question });
    // Without SMTP the email waits in the Outbox, and the server says so.
    expect(asked.notice).toEqual({ visible: true, emailed: { via: 'outbox', to: [email] } });
    const mail = db.select().from(emailOutbox).where(eq(emailOutbox.to, email)).all().at(-1)!;
    expect(mail).toMatchObject({ status: 'held', subject: 'A question about your answer to REC-01' });
    expect(mail.textBody).toContain(question);

    // The vendor is told at once how many questions wait, and which.
    const overview = await vendor.portal.overview.query();
    expect(overview.review).toEqual({ questions: [{ controlId: 'REC-01', title: expect.any(String), domain: 'REC' }], rejections: [] });
    const before = await vendor.portal.questionnaire.query();
    expect(before.threads['REC-01']).toEqual({
      reviewStatus: 'clarification_requested',
      waitingFor: 'vendor',
      canReply: true,
      messages: [{ id: expect.any(Number), kind: 'question', body: question, authorType: 'staff', authorName: reviewer.name, createdAt: askedAt, evidence: [] }],
    });
    // Only questions in conversation: the others have no thread.
    expect(Object.keys(before.threads)).toEqual(['REC-01']);

    // New evidence through the ordinary upload, allowed for this question only while the reviewer waits.
    tick(10);
    const file = await upload(server.base, vendorCookie, 'REC-01');
    expect(file.status).toBe(201);
    expect((await upload(server.base, vendorCookie, 'IAM-01')).status).toBe(409);
    expect((await vendor.portal.questionnaire.query()).evidence.find((e) => e.id === file.body.id)).toMatchObject({ unsentReply: true, sentWithReply: false });

    const reply = 'We call back the number in the HR system, never the one the caller gives. Procedure attached.';
    const repliedAt = tick(1);
    await vendor.portal.respondToClarification.mutate({ controlId: 'REC-01', response: reply, evidenceIds: [file.body.id] });

    // The vendor sees what it replied, and has no question left waiting.
    const after = await vendor.portal.questionnaire.query();
    expect(after.threads['REC-01']).toMatchObject({ waitingFor: 'reviewer', messages: [{ kind: 'question' }, { kind: 'reply', body: reply, authorType: 'vendor', authorName: 'Vera Vendor', createdAt: repliedAt, evidence: [{ id: file.body.id, name: 'callback-procedure.pdf' }] }] });
    expect(after.evidence.find((e) => e.id === file.body.id)).toMatchObject({ unsentReply: false, sentWithReply: true });
    expect((await vendor.portal.overview.query()).review.questions).toEqual([]);

    // The reviewer reads the reply beside the answer, with its file, and accepts.
    const review = await staff.assessments.review.query({ assessmentId });
    const item = review.items.find((i) => i.control.id === 'REC-01')!;
    expect(item.waitingFor).toBe('reviewer');
    expect(item.answer).toMatchObject({ value: 'yes', reviewStatus: 'clarification_requested' });
    expect(item.thread.map((m) => [m.kind, m.authorName, m.body])).toEqual([
      ['question', reviewer.name, question],
      ['reply', 'Vera Vendor', reply],
    ]);
    expect(item.thread[1]!.evidence.map((f) => f.name)).toEqual(['callback-procedure.pdf']);
    expect(item.evidence.map((f) => f.id)).not.toContain(file.body.id);
    // The assessor is told of the reply.
    expect(db.select().from(emailOutbox).where(eq(emailOutbox.to, reviewer.email)).all().at(-1)?.subject).toBe('Question Vendor replied about REC-01');

    await staff.assessments.reviewAnswer.mutate({ assessmentId, controlId: 'REC-01', decision: 'accept' });
    const decided = (await staff.assessments.review.query({ assessmentId })).items.find((i) => i.control.id === 'REC-01')!;
    expect(decided).toMatchObject({ waitingFor: null, answer: { reviewStatus: 'accepted' } });
    expect(decided.thread).toHaveLength(2);
    expect((await vendor.portal.questionnaire.query()).threads['REC-01']).toMatchObject({ canReply: false, waitingFor: null });

    // Every step audited, in order, by the right person.
    const trail = auditActions(assessmentId).filter((e) => e.action.startsWith('answer.review') || e.action === 'answer.clarification' || e.action === 'evidence.upload');
    expect(trail.map((e) => [e.action, e.actor])).toEqual([
      ['answer.review.clarify', reviewer.name],
      ['evidence.upload', 'Vera Vendor'],
      ['answer.clarification', 'Vera Vendor'],
      ['answer.review.accept', reviewer.name],
    ]);
    expect(trail[0]!.after).toMatchObject({ controlId: 'REC-01', note: question, emailedTo: [email] });
    expect(trail[2]!.after).toMatchObject({ controlId: 'REC-01', response: reply, evidenceIds: [file.body.id] });
    expect(verifyAuditChain(db).ok).toBe(true);
  });

  it('says when the vendor cannot read it (no live link) and emails nobody; with SMTP it says the email is queued for the mail server', async () => {
    const { assessmentId, staff, linkId, email } = await assessmentInReview('Link Gone Vendor');
    await staff.assessments.revokeShareLink.mutate({ linkId });
    const sentBefore = db.select().from(emailOutbox).where(eq(emailOutbox.to, email)).all().length;
    const asked = await staff.assessments.reviewAnswer.mutate({ assessmentId, controlId: 'IAM-01', decision: 'clarify', note: 'Which factors do administrators use?' });
    expect(asked.notice).toEqual({ visible: false, emailed: null });
    expect(db.select().from(emailOutbox).where(eq(emailOutbox.to, email)).all()).toHaveLength(sentBefore);

    const smtp = await startTestServer(db, { now: () => clock, smtpUrl: 'smtp://mail.example:587' });
    try {
      const cookie = (await signIn(smtp.base, reviewer.email)).cookie!;
      const viaSmtp = await assessmentInReview('Mailed Vendor', { base: smtp.base, staff: cookie });
      const result = await viaSmtp.staff.assessments.reviewAnswer.mutate({ assessmentId: viaSmtp.assessmentId, controlId: 'IAM-01', decision: 'clarify', note: 'Which factors do administrators use?' });
      expect(result.notice).toEqual({ visible: true, emailed: { via: 'smtp', to: [viaSmtp.email] } });
      expect(db.select().from(emailOutbox).where(eq(emailOutbox.to, viaSmtp.email)).all().at(-1)).toMatchObject({ status: 'pending', subject: 'A question about your answer to IAM-01' });
    } finally {
      await smtp.close();
    }
  });
});

describe('the thread', () => {
  it('keeps every message with author and time, rejection notes included: nothing is overwritten, and the database refuses edits', async () => {
    const { assessmentId, staff, vendor } = await assessmentInReview('Thread Vendor');
    const t1 = tick(1);
    const rejected = await staff.assessments.reviewAnswer.mutate({ assessmentId, controlId: 'IAM-04', decision: 'reject', note: 'The policy attached covers administrators only.' });
    // A rejection is not emailed, but the vendor can read it on its live link.
    expect(rejected.notice).toEqual({ visible: true, emailed: null });
    expect((await vendor.portal.overview.query()).review).toMatchObject({ questions: [], rejections: [{ controlId: 'IAM-04' }] });
    expect((await vendor.portal.questionnaire.query()).threads['IAM-04']).toMatchObject({ reviewStatus: 'rejected', canReply: true, messages: [{ kind: 'rejection', body: 'The policy attached covers administrators only.' }] });

    const t2 = tick(1);
    await vendor.portal.respondToClarification.mutate({ controlId: 'IAM-04', response: 'Staff use the same keys since May; policy v3 says so.' });
    expect((await vendor.portal.overview.query()).review.rejections).toEqual([]);
    const t3 = tick(1);
    await staff.assessments.reviewAnswer.mutate({ assessmentId, controlId: 'IAM-04', decision: 'clarify', note: 'Please send policy v3.' });
    expect((await vendor.portal.overview.query()).review.questions.map((q) => q.controlId)).toEqual(['IAM-04']);
    const t4 = tick(1);
    await vendor.portal.respondToClarification.mutate({ controlId: 'IAM-04', response: 'Sent to your email address.' });
    // Adding to a reply already sent emails the assessor no more: one email each time the turn passes to them.
    const toAssessor = () => db.select().from(emailOutbox).where(and(eq(emailOutbox.to, reviewer.email), eq(emailOutbox.subject, 'Thread Vendor replied about IAM-04'))).all().length;
    expect(toAssessor()).toBe(2);
    const t5 = tick(1);
    await vendor.portal.respondToClarification.mutate({ controlId: 'IAM-04', response: 'And a copy is on our trust portal.' });
    expect(toAssessor()).toBe(2);

    expect(threadRows(assessmentId, 'IAM-04').map((m) => [m.kind, m.authorType, m.authorName, m.createdAt.getTime(), m.body])).toEqual([
      ['rejection', 'staff', reviewer.name, t1.getTime(), 'The policy attached covers administrators only.'],
      ['reply', 'vendor', 'Vera Vendor', t2.getTime(), 'Staff use the same keys since May; policy v3 says so.'],
      ['question', 'staff', reviewer.name, t3.getTime(), 'Please send policy v3.'],
      ['reply', 'vendor', 'Vera Vendor', t4.getTime(), 'Sent to your email address.'],
      ['reply', 'vendor', 'Vera Vendor', t5.getTime(), 'And a copy is on our trust portal.'],
    ]);
    expect(threadRows(assessmentId, 'IAM-04')[0]!.authorUserId).toBe(reviewer.id);

    const first = threadRows(assessmentId, 'IAM-04')[0]!;
    expect(() => db.update(reviewMessages).set({ body: 'Something else' }).where(eq(reviewMessages.id, first.id)).run()).toThrow(/cannot be changed/);
    expect(() => db.delete(reviewMessages).where(eq(reviewMessages.id, first.id)).run()).toThrow(/cannot be deleted/);
    expect(threadRows(assessmentId, 'IAM-04')[0]!.body).toBe('The policy attached covers administrators only.');
  });

  it('goes with its assessment when that is deleted', async () => {
    const { assessmentId, staff } = await assessmentInReview('Deleted Vendor');
    await staff.assessments.reviewAnswer.mutate({ assessmentId, controlId: 'IAM-04', decision: 'reject', note: 'Not enough detail here.' });
    db.delete(assessments).where(eq(assessments.id, assessmentId)).run();
    expect(threadRows(assessmentId, 'IAM-04')).toEqual([]);
  });
});

describe('what the vendor may send', () => {
  it('refuses bad replies with a clear 4xx and writes nothing', async () => {
    const { assessmentId, staff, vendor, vendorCookie } = await assessmentInReview('Bad Reply Vendor');
    await staff.assessments.reviewAnswer.mutate({ assessmentId, controlId: 'REC-01', decision: 'clarify', note: 'Which number do you call back?' });
    // A file uploaded before the question, and one on another question, are not this reply's.
    const other = await assessmentInReview('Other Assessment Vendor');
    await other.staff.assessments.reviewAnswer.mutate({ assessmentId: other.assessmentId, controlId: 'REC-01', decision: 'clarify', note: 'Which number do you call back?' });
    const foreign = await upload(server.base, other.vendorCookie, 'REC-01');
    expect(foreign.status).toBe(201);
    const messages = () => db.select().from(reviewMessages).where(eq(reviewMessages.assessmentId, assessmentId)).all().length;
    const audits = () => auditActions(assessmentId).length;
    const [m0, a0] = [messages(), audits()];

    expect(await codeOf(vendor.portal.respondToClarification.mutate({ controlId: 'IAM-01', response: 'Nobody asked me this.' }))).toMatchObject({ code: 'BAD_REQUEST', status: 400, message: 'No question or note from the reviewer is waiting for you on IAM-01.' });
    expect(await codeOf(vendor.portal.respondToClarification.mutate({ controlId: 'REC-01', response: '   ' }))).toMatchObject({ status: 400, message: expect.stringContaining('Write your reply to the reviewer') });
    expect(await codeOf(vendor.portal.respondToClarification.mutate({ controlId: 'REC-01', response: 'x'.repeat(5001) }))).toMatchObject({ status: 400 });
    expect(await codeOf(vendor.portal.respondToClarification.mutate({ controlId: 'rec 01', response: 'Hello' }))).toMatchObject({ status: 400, message: expect.stringContaining('controlId must be a question id such as IAM-01') });
    expect(await codeOf(vendor.portal.respondToClarification.mutate({ controlId: 'REC-01', response: 'See the file', evidenceIds: [foreign.body.id] }))).toMatchObject({ status: 400, message: expect.stringContaining('not among the files you attached') });
    expect(await codeOf(vendor.portal.respondToClarification.mutate({ controlId: 'REC-01', response: 'See the file', evidenceIds: [999_999] }))).toMatchObject({ status: 400 });
    expect([messages(), audits()]).toEqual([m0, a0]);

    // A file already sent with one reply cannot be sent again; an unsent one can be removed, a sent one cannot.
    const mine = await upload(server.base, vendorCookie, 'REC-01');
    const spare = await upload(server.base, vendorCookie, 'REC-01', 'wrong-file.pdf');
    const removed = await fetch(`${server.base}/api/portal/evidence/${spare.body.id}`, { method: 'DELETE', headers: { cookie: vendorCookie } });
    expect(removed.status).toBe(204);
    await vendor.portal.respondToClarification.mutate({ controlId: 'REC-01', response: 'Procedure attached.', evidenceIds: [mine.body.id] });
    expect(await codeOf(vendor.portal.respondToClarification.mutate({ controlId: 'REC-01', response: 'Again', evidenceIds: [mine.body.id] }))).toMatchObject({ status: 400 });
    const kept = await fetch(`${server.base}/api/portal/evidence/${mine.body.id}`, { method: 'DELETE', headers: { cookie: vendorCookie } });
    expect(kept.status).toBe(409);
    expect(db.select({ deletedAt: evidenceFiles.deletedAt }).from(evidenceFiles).where(eq(evidenceFiles.id, mine.body.id)).get()?.deletedAt).toBeNull();
  });

  it('accepts replies only while the assessment is in review: not after it is reopened, completed or cancelled (checked in the service)', async () => {
    // Reopened: back with the vendor to change answers, the conversation pauses.
    const reopened = await assessmentInReview('Reopened Vendor');
    await reopened.staff.assessments.reviewAnswer.mutate({ assessmentId: reopened.assessmentId, controlId: 'REC-01', decision: 'clarify', note: 'Which number do you call back?' });
    await reopened.staff.assessments.reopen.mutate({ assessmentId: reopened.assessmentId, note: 'Please update REC-01 instead of replying.' });
    expect(await codeOf(reopened.vendor.portal.respondToClarification.mutate({ controlId: 'REC-01', response: 'The HR number.' }))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'Replies to the reviewer are possible only while your answers are in review; this questionnaire is in progress.',
    });
    expect((await reopened.vendor.portal.overview.query()).review).toEqual({ questions: [], rejections: [] });
    // The thread stays readable as history; nobody is waiting on it while the vendor edits.
    expect((await reopened.vendor.portal.questionnaire.query()).threads['REC-01']).toMatchObject({ canReply: false, waitingFor: null, messages: [{ kind: 'question' }] });
    expect(threadRows(reopened.assessmentId, 'REC-01')).toHaveLength(1);

    // Completed: a rejected answer (repliable in review) is final once the review is complete.
    const completed = await assessmentInReview('Completed Vendor');
    await completed.staff.assessments.reviewAnswer.mutate({ assessmentId: completed.assessmentId, controlId: 'IAM-04', decision: 'reject', note: 'No evidence of this.' });
    await completed.staff.assessments.transition.mutate({ assessmentId: completed.assessmentId, to: 'completed' });
    // Completion ends the session the vendor answered in (finding 3 of the security review)...
    expect(await codeOf(completed.vendor.portal.respondToClarification.mutate({ controlId: 'IAM-04', response: 'But we do!' }))).toMatchObject({ code: 'UNAUTHORIZED' });
    // ...and the service refuses on its own, whatever session reaches it.
    const completedLink = { shareLinkId: completed.linkId, assessmentId: completed.assessmentId, recipientName: 'Vera Vendor' };
    expect(() => respondToClarification({ db, mail: { smtpUrl: null }, actor: { type: 'vendor_link', id: String(completed.linkId), label: 'Vera Vendor' }, now: clock, publicUrl: server.base }, completedLink, { controlId: 'IAM-04', response: 'But we do!', evidenceIds: [] })).toThrow(
      'Replies to the reviewer are possible only while your answers are in review; this questionnaire is completed.',
    );
    expect(threadRows(completed.assessmentId, 'IAM-04')).toHaveLength(1);

    // Cancelled: whatever happens to the link's sessions, the service itself refuses.
    const cancelled = await assessmentInReview('Cancelled Vendor');
    await cancelled.staff.assessments.reviewAnswer.mutate({ assessmentId: cancelled.assessmentId, controlId: 'REC-01', decision: 'clarify', note: 'Which number do you call back?' });
    await cancelled.staff.assessments.transition.mutate({ assessmentId: cancelled.assessmentId, to: 'cancelled', note: 'Contract not renewed' });
    const link = { shareLinkId: cancelled.linkId, assessmentId: cancelled.assessmentId, recipientName: 'Vera Vendor' };
    expect(() => respondToClarification({ db, mail: { smtpUrl: null }, actor: { type: 'vendor_link', id: String(cancelled.linkId), label: 'Vera Vendor' }, now: clock, publicUrl: server.base }, link, { controlId: 'REC-01', response: 'Too late?', evidenceIds: [] })).toThrow(
      'Replies to the reviewer are possible only while your answers are in review; this questionnaire is cancelled.',
    );
    expect(threadRows(cancelled.assessmentId, 'REC-01')).toHaveLength(1);
    // Nor can it attach new evidence to the question any more.
    const late = await fetch(`${server.base}/api/portal/evidence`, { method: 'POST', headers: { cookie: cancelled.vendorCookie }, body: (() => { const f = new FormData(); f.append('controlId', 'REC-01'); f.append('file', new Blob([PDF]), 'late.pdf'); return f; })() });
    expect([401, 409]).toContain(late.status);
  });
});

describe('the answer and its review', () => {
  it('keeps the answer\'s own author and time when it is reviewed; the review has its reviewer and time', async () => {
    const { assessmentId, staff, vendor } = await assessmentInReview('Timing Vendor');
    const answeredAt = db.select({ at: answers.answeredAt }).from(answers).where(and(eq(answers.assessmentId, assessmentId), eq(answers.controlId, 'IAM-01'))).get()!.at!;
    const reviewedAt = tick(20);
    await staff.assessments.reviewAnswer.mutate({ assessmentId, controlId: 'IAM-01', decision: 'accept' });
    const item = (await staff.assessments.review.query({ assessmentId })).items.find((i) => i.control.id === 'IAM-01')!;
    expect(item.answer).toMatchObject({ answeredBy: 'Vera Vendor', answeredAt, reviewStatus: 'accepted', reviewerName: reviewer.name, reviewedAt });
    expect(answeredAt.getTime()).toBeLessThan(reviewedAt.getTime());
    // The vendor's view and the answer's conflict details give the same answer time.
    expect((await vendor.portal.questionnaire.query()).answers.find((a) => a.controlId === 'IAM-01')).toMatchObject({ answeredBy: 'Vera Vendor', answeredAt });
    // A question and the vendor's reply do not move it either.
    tick(5);
    await staff.assessments.reviewAnswer.mutate({ assessmentId, controlId: 'IAM-01', decision: 'clarify', note: 'For every administrator?' });
    tick(5);
    await vendor.portal.respondToClarification.mutate({ controlId: 'IAM-01', response: 'Yes, all 14.' });
    const again = (await staff.assessments.review.query({ assessmentId })).items.find((i) => i.control.id === 'IAM-01')!;
    expect(again.answer).toMatchObject({ answeredAt, answeredBy: 'Vera Vendor' });
  });
});

describe('accept all remaining answers', () => {
  it('accepts only answers not yet reviewed, once the confirmed count still holds, leaving open questions alone; audited', async () => {
    const { assessmentId, staff, controls } = await assessmentInReview('Bulk Vendor');
    await staff.assessments.reviewAnswer.mutate({ assessmentId, controlId: 'REC-01', decision: 'clarify', note: 'Which number do you call back?' });
    await staff.assessments.reviewAnswer.mutate({ assessmentId, controlId: 'IAM-04', decision: 'reject', note: 'No evidence of this.' });
    await staff.assessments.reviewAnswer.mutate({ assessmentId, controlId: 'IAM-01', decision: 'accept' });
    const remaining = controls.length - 3;
    const statuses = () => Object.fromEntries(db.select({ c: answers.controlId, s: answers.reviewStatus }).from(answers).where(eq(answers.assessmentId, assessmentId)).all().map((r) => [r.c, r.s]));

    // The count the reviewer confirmed no longer holds: nothing changes, and the server says the real number.
    const before = statuses();
    const stale = await codeOf(staff.assessments.acceptAllRemaining.mutate({ assessmentId, count: remaining + 1 }));
    expect(stale).toMatchObject({ code: 'CONFLICT', message: `${remaining} answers are waiting for review now, not ${remaining + 1}: check the list and confirm again.` });
    expect(statuses()).toEqual(before);

    const done = await staff.assessments.acceptAllRemaining.mutate({ assessmentId, count: remaining });
    expect(done).toEqual({ accepted: remaining, skippedOpenQuestions: 1 });
    const after = statuses();
    expect(after).toMatchObject({ 'REC-01': 'clarification_requested', 'IAM-04': 'rejected', 'IAM-01': 'accepted' });
    expect(Object.values(after).filter((s) => s === 'accepted')).toHaveLength(remaining + 1);
    const bulkAccepted = controls.find((c) => !['REC-01', 'IAM-04', 'IAM-01'].includes(c))!;
    expect(db.select().from(answers).where(and(eq(answers.assessmentId, assessmentId), eq(answers.controlId, bulkAccepted))).get()).toMatchObject({ reviewerName: reviewer.name, reviewedBy: reviewer.id, reviewedAt: clock });

    const event = auditActions(assessmentId).filter((e) => e.action === 'answer.review.accept_all');
    expect(event).toHaveLength(1);
    expect(event[0]).toMatchObject({ actor: reviewer.name, after: { reviewStatus: 'accepted', count: remaining, skippedOpenQuestions: 1 } });
    expect((db.select({ before: auditEvents.before }).from(auditEvents).where(like(auditEvents.action, 'answer.review.accept_all')).all().at(-1)!.before as { controlIds: string[] }).controlIds).toHaveLength(remaining);

    expect(await codeOf(staff.assessments.acceptAllRemaining.mutate({ assessmentId, count: 0 }))).toMatchObject({ code: 'BAD_REQUEST', message: 'No answers are left to accept.' });
  });

  it('is for procurement only, and only in review', async () => {
    const auditor = createCaller(createContextInner({ db, user: { id: 'u-aud', name: 'Aud', email: 'aud@tollgate.example', role: 'auditor' } }));
    await expect(auditor.assessments.acceptAllRemaining({ assessmentId: 1, count: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const vendorId = createVendor(db, { name: 'Draft Bulk Vendor' });
    const version = latestPublishedVersion(db, 'lite');
    const assessmentId = db.insert(assessments).values({ vendorId, templateVersionId: version.id, status: 'submitted' }).returning().get().id;
    expect(await codeOf(client(server.base, staffCookie).assessments.acceptAllRemaining.mutate({ assessmentId, count: 0 }))).toMatchObject({ code: 'PRECONDITION_FAILED' });
  });
});

describe('existing databases', () => {
  it('carry their clarification and rejection notes, and the vendor\'s responses, into the thread; answers get their own time back', () => {
    // The migrations before the thread existed, in a folder of their own.
    const folder = makeTempDir('migrations-');
    mkdirSync(path.join(folder, 'meta'));
    const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const cut = journal.entries.findIndex((e) => e.tag.endsWith('_review_thread'));
    expect(cut).toBeGreaterThan(0);
    writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
    for (const name of readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql'))) copyFileSync(path.join(MIGRATIONS_FOLDER, name), path.join(folder, name));

    const old = openDatabase(path.join(makeTempDir('old-db-'), 'old.sqlite'));
    migrate(old, { migrationsFolder: folder });
    const raw = old.$client;
    // The Lite questionnaire as that schema stored it (today's code writes columns it did not have yet).
    raw.prepare("insert into questionnaire_templates (key, name, description, built_in, created_at, updated_at) values ('lite', 'Lite', '', 1, 0, 0)").run();
    const version = {
      id: Number(
        raw
          .prepare("insert into template_versions (template_id, version, status, catalogue_key, catalogue_version, content, published_at, created_at) values (1, 1, 'published', ?, ?, ?, 0, 0)")
          .run(CORE_CATALOGUE_V1.key, CORE_CATALOGUE_V1.version, JSON.stringify(builtInQuestionnaire('lite'))).lastInsertRowid,
      ),
    };
    old.insert(users).values({ id: 'u-ana', name: 'Ana Assessor', email: 'ana@tollgate.example', role: 'procurement' }).run();
    const vendorId = old.insert(vendors).values({ name: 'Old Vendor' }).returning().get().id;
    raw
      .prepare("insert into assessments (vendor_id, template_version_id, status, assessor_id, submitted_at, created_at, updated_at) values (?, ?, 'in_review', 'u-ana', ?, 0, 0)")
      .run(vendorId, version.id, Date.parse('2026-03-01T10:00:00Z'));
    const answer = raw.prepare('insert into answers (assessment_id, control_id, value, comment, review_status, review_note, clarification_response, answered_by, revision, created_at, updated_at) values (1, ?, ?, \'\', ?, ?, ?, ?, 1, 0, ?)');
    // Asked in the product (audited), then answered by the vendor (audited), row last moved by the response.
    answer.run('REC-01', 'yes', 'clarification_requested', 'Which number?', 'The HR one.', 'Vera Vendor', Date.parse('2026-03-03T09:00:00Z'));
    // Rejected with no audit entry behind it (as the demo seed wrote them); the row moved at the review.
    answer.run('IAM-04', 'no', 'rejected', 'Administrators only.', null, 'Vera Vendor', Date.parse('2026-03-02T15:00:00Z'));
    // Raw rows of the old log; the append-only trigger wants each to follow the last one (the hashes themselves are not checked here).
    let seq = 0;
    const auditRow = raw.prepare(
      "insert into audit_events (at, actor_type, actor_id, actor_label, action, target_type, target_id, before, after, ip, prev_hash, hash) values (?, ?, ?, ?, ?, 'assessment', '1', null, ?, null, coalesce((select hash from audit_events order by id desc limit 1), '0000000000000000000000000000000000000000000000000000000000000000'), ?)",
    );
    const audit = { run: (...values: unknown[]) => auditRow.run(...values, `old-entry-${++seq}`) };
    audit.run(Date.parse('2026-02-28T08:00:00Z'), 'vendor_link', '7', 'Vera Vendor', 'answer.save', JSON.stringify({ controlId: 'REC-01', value: 'yes', comment: '' }));
    audit.run(Date.parse('2026-03-02T11:00:00Z'), 'user', 'u-ana', 'Ana Assessor', 'answer.review.reject', JSON.stringify({ controlId: 'REC-01', reviewStatus: 'rejected', note: 'No procedure given.' }));
    audit.run(Date.parse('2026-03-02T12:00:00Z'), 'user', 'u-ana', 'Ana Assessor', 'answer.review.clarify', JSON.stringify({ controlId: 'REC-01', reviewStatus: 'clarification_requested', note: 'Which number?' }));
    audit.run(Date.parse('2026-03-03T09:00:00Z'), 'vendor_link', '7', 'Vera Vendor', 'answer.clarification', JSON.stringify({ controlId: 'REC-01', response: 'The HR one.' }));

    migrateDatabase(old);
    const thread = (controlId: string) =>
      old.select({ kind: reviewMessages.kind, body: reviewMessages.body, authorType: reviewMessages.authorType, authorName: reviewMessages.authorName, authorUserId: reviewMessages.authorUserId, at: reviewMessages.createdAt }).from(reviewMessages).where(eq(reviewMessages.controlId, controlId)).orderBy(asc(reviewMessages.createdAt), asc(reviewMessages.id)).all();
    // The whole history from the audit log, the overwritten rejection note included, each once.
    expect(thread('REC-01')).toEqual([
      { kind: 'rejection', body: 'No procedure given.', authorType: 'staff', authorName: 'Ana Assessor', authorUserId: 'u-ana', at: new Date('2026-03-02T11:00:00Z') },
      { kind: 'question', body: 'Which number?', authorType: 'staff', authorName: 'Ana Assessor', authorUserId: 'u-ana', at: new Date('2026-03-02T12:00:00Z') },
      { kind: 'reply', body: 'The HR one.', authorType: 'vendor', authorName: 'Vera Vendor', authorUserId: null, at: new Date('2026-03-03T09:00:00Z') },
    ]);
    // Without an audit entry: the assessor and the row's time are the best knowledge there is.
    expect(thread('IAM-04')).toEqual([{ kind: 'rejection', body: 'Administrators only.', authorType: 'staff', authorName: 'Ana Assessor', authorUserId: 'u-ana', at: new Date('2026-03-02T15:00:00Z') }]);
    const rows = Object.fromEntries(old.select().from(answers).all().map((r) => [r.controlId, r]));
    // The answer's time is its save, not the vendor's later response or a review.
    expect(rows['REC-01']).toMatchObject({ answeredAt: new Date('2026-02-28T08:00:00Z'), reviewerName: 'Ana Assessor', reviewedBy: 'u-ana', reviewedAt: new Date('2026-03-02T12:00:00Z') });
    // No save on record: no later than the submission.
    expect(rows['IAM-04']).toMatchObject({ answeredAt: new Date('2026-03-01T10:00:00Z'), reviewerName: null, reviewedAt: new Date('2026-03-02T15:00:00Z') });
    expect(old.select().from(users).all()).toHaveLength(1);
    old.$client.close();
  });
});
