/**
 * Re-assessment carry-over over real HTTP, staff and vendor each with their
 * own cookie: a first assessment starts empty; the next one starts with the
 * last completed assessment's answers and evidence, which count as not yet
 * answered and block submission until the vendor confirms or changes each;
 * confirming is an audited answer save marked as carried over; the review
 * says what changed since last time; carried evidence is the same stored
 * file, readable by both sides, and removing it from the new assessment
 * leaves last time's intact.
 */
import { createTRPCClient, httpLink } from '@trpc/client';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers, auditEvents, evidenceFiles } from '../../drizzle/schema/index.ts';
import type { Db } from '../../server/platform/db/database.ts';
import type { AppRouter } from '../../server/router.ts';
import { transformer } from '#shared/transformer.ts';
import { createUserWithPassword, signIn } from '../helpers/auth.ts';
import { createVendor } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');

let db: Db;
let server: TestServer;
let clock = new Date('2026-03-02T09:00:00Z');
let staffCookie: string;

const client = (cookie: string) => createTRPCClient<AppRouter>({ links: [httpLink({ url: `${server.base}/trpc`, transformer, headers: { cookie } })] });
// Minutes, not months: staff sessions end after 30 minutes idle on the same clock.
const tick = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
  return clock;
};

async function openLink(url: string): Promise<string> {
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(303);
  return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** Starts an assessment through the API and opens a link to it as the vendor. */
async function startAndOpen(vendorId: number, n: number) {
  const staff = client(staffCookie);
  const started = await staff.assessments.start.mutate({ vendorId, templateKey: 'lite' });
  await staff.assessments.transition.mutate({ assessmentId: started.assessmentId, to: 'sent' });
  const link = await staff.assessments.createShareLink.mutate({ assessmentId: started.assessmentId, recipientName: `Vera Vendor ${n}`, recipientEmail: 'vera@vendor.example' });
  const vendorCookie = await openLink(link.url);
  return { ...started, staff, vendor: client(vendorCookie), vendorCookie };
}

const auditAfter = (assessmentId: number, action: string) =>
  db
    .select({ after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.targetType, 'assessment'), eq(auditEvents.targetId, String(assessmentId)), eq(auditEvents.action, action)))
    .orderBy(asc(auditEvents.id))
    .all()
    .map((r) => r.after as Record<string, unknown>);

beforeAll(async () => {
  db = createTestDatabase().db;
  server = await startTestServer(db, { now: () => clock });
  const user = await createUserWithPassword(server.auth, 'procurement', 'paula.procurement@tollgate.example');
  staffCookie = (await signIn(server.base, user.email)).cookie!;
});
afterAll(() => server.close());

describe('re-assessment carry-over', () => {
  let vendorId: number;
  let first: Awaited<ReturnType<typeof startAndOpen>>;
  let firstFileId: number;
  let controls: string[];

  it('a first assessment has nothing carried over', async () => {
    vendorId = createVendor(db, { name: 'Carry Vendor', holdings: [{ category: 'contact.email', records: 1000 }] });
    first = await startAndOpen(vendorId, 1);
    expect(first.carriedOver).toBeNull();
    const overview = await first.vendor.portal.overview.query();
    expect(overview.carriedOver).toEqual({ waiting: 0, total: 0 });
    expect(overview.progress.answered).toBe(0);
    const q = await first.vendor.portal.questionnaire.query();
    expect(q.answers).toEqual([]);
    controls = q.controls.map((c) => c.id);
    expect((await first.staff.assessments.review.query({ assessmentId: first.assessmentId })).sinceLastTime).toBeNull();

    // The vendor answers everything (IAM-04 No, with a comment), attaches evidence to IAM-01 and submits; the review completes.
    for (const id of controls) {
      await first.vendor.portal.saveAnswer.mutate({ controlId: id, value: id === 'IAM-04' ? 'no' : 'yes', comment: id === 'IAM-04' ? 'Push approval only.' : '', baseRevision: 0 });
    }
    const form = new FormData();
    form.append('controlId', 'IAM-01');
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'mfa-policy.pdf');
    const uploaded = await fetch(`${server.base}/api/portal/evidence`, { method: 'POST', headers: { cookie: first.vendorCookie }, body: form });
    expect(uploaded.status).toBe(201);
    firstFileId = ((await uploaded.json()) as { id: number }).id;
    expect(await first.vendor.portal.submit.mutate({})).toMatchObject({ submitted: true });
    await first.staff.assessments.transition.mutate({ assessmentId: first.assessmentId, to: 'in_review' });
    await first.staff.assessments.transition.mutate({ assessmentId: first.assessmentId, to: 'completed' });
    // Every review item of a first assessment has nothing to compare with.
    expect((await first.staff.assessments.review.query({ assessmentId: first.assessmentId })).items.every((i) => i.change === null)).toBe(true);
  });

  let second: Awaited<ReturnType<typeof startAndOpen>>;

  it('starting a re-assessment pre-fills last time\'s answers and evidence, none confirmed, all counted as not yet answered', async () => {
    tick(10);
    second = await startAndOpen(vendorId, 2);
    expect(second.carriedOver).toEqual({ answers: controls.length, evidence: 1 });
    expect(auditAfter(second.assessmentId, 'assessment.start')[0]).toMatchObject({ carriedOver: { fromAssessmentId: first.assessmentId, answers: controls.length, evidence: 1 } });

    const q = await second.vendor.portal.questionnaire.query();
    const iam04 = q.answers.find((a) => a.controlId === 'IAM-04')!;
    expect(iam04).toMatchObject({ value: 'no', comment: 'Push approval only.', carriedOver: true, confirmedAt: null, revision: 1, previous: { value: 'no', comment: 'Push approval only.' } });
    expect(q.answers.every((a) => a.carriedOver && a.confirmedAt === null)).toBe(true);

    const overview = await second.vendor.portal.overview.query();
    expect(overview.progress.answered).toBe(0);
    expect(overview.carriedOver).toEqual({ waiting: controls.length, total: controls.length });
    // Staff lists and pages count them as not yet answered too.
    expect((await second.staff.assessments.get.query({ assessmentId: second.assessmentId })).progress.answered).toBe(0);

    // The evidence is the same stored file under a record of the new assessment, readable by the vendor and by staff.
    const carried = q.evidence.find((e) => e.controlId === 'IAM-01')!;
    expect(carried).toMatchObject({ name: 'mfa-policy.pdf', carriedOver: true });
    expect(carried.id).not.toBe(firstFileId);
    const rows = db.select().from(evidenceFiles).where(eq(evidenceFiles.controlId, 'IAM-01')).orderBy(asc(evidenceFiles.id)).all();
    expect(rows.map((r) => r.storedName)).toEqual([rows[0]!.storedName, rows[0]!.storedName]);
    expect(rows[1]).toMatchObject({ assessmentId: second.assessmentId, carriedFromId: firstFileId });
    const vendorDownload = await fetch(`${server.base}/api/portal/evidence/${carried.id}`, { headers: { cookie: second.vendorCookie } });
    expect(vendorDownload.status).toBe(200);
    expect(Buffer.from(await vendorDownload.arrayBuffer())).toEqual(PDF);
    const staffDownload = await fetch(`${server.base}/api/evidence/${carried.id}`, { headers: { cookie: staffCookie } });
    expect(staffDownload.status).toBe(200);
    const review = await second.staff.assessments.review.query({ assessmentId: second.assessmentId });
    expect(review.items.find((i) => i.control.id === 'IAM-01')!.evidence.map((e) => e.name)).toEqual(['mfa-policy.pdf']);
    expect(review.items.every((i) => i.change === 'unconfirmed')).toBe(true);
    expect(review.sinceLastTime).toEqual({ previousAssessmentId: first.assessmentId, changed: 0, unconfirmed: controls.length });
    // Not confirmed, not scored: the live preview counts them as unanswered.
    expect(review.items.every((i) => i.outcome === 'unanswered')).toBe(true);
  });

  it('refuses to submit while any carried-over answer waits, even when unanswered questions are accepted', async () => {
    const refused = await second.vendor.portal.submit.mutate({ confirmUnanswered: true });
    expect(refused.submitted).toBe(false);
    expect(refused.unconfirmed.map((c) => c.id)).toEqual(controls);
    expect(refused.unanswered).toEqual([]);
  });

  it('confirming is an audited answer save marked as carried over; changing one records it as changed', async () => {
    const confirmedAt = tick(1);
    const confirmed = await second.vendor.portal.saveAnswer.mutate({ controlId: 'IAM-01', value: 'yes', comment: '', baseRevision: 1 });
    expect(confirmed).toMatchObject({ value: 'yes', revision: 2, carriedOver: true, confirmedAt, answeredBy: 'Vera Vendor 2' });
    const changed = await second.vendor.portal.saveAnswer.mutate({ controlId: 'IAM-04', value: 'yes', comment: 'Number matching on every push since May.', baseRevision: 1 });
    expect(changed).toMatchObject({ value: 'yes', carriedOver: true, confirmedAt });
    const saves = auditAfter(second.assessmentId, 'answer.save');
    expect(saves).toEqual([
      { controlId: 'IAM-01', value: 'yes', comment: '', carriedOver: true, confirmedUnchanged: true },
      { controlId: 'IAM-04', value: 'yes', comment: 'Number matching on every push since May.', carriedOver: true, confirmedUnchanged: false },
    ]);
    const overview = await second.vendor.portal.overview.query();
    expect(overview.progress.answered).toBe(2);
    expect(overview.carriedOver.waiting).toBe(controls.length - 2);
    // The staff side counts in SQL (answeredSql) what the portal counts with shared/carryOver.ts: the same 2.
    expect((await second.staff.assessments.get.query({ assessmentId: second.assessmentId })).progress.answered).toBe(2);
    expect((await second.staff.assessments.list.query({ vendorId })).rows.find((r) => r.id === second.assessmentId)).toMatchObject({ answered: 2 });

    // Still refused: the others wait.
    const refused = await second.vendor.portal.submit.mutate({ confirmUnanswered: true });
    expect(refused).toMatchObject({ submitted: false });
    expect(refused.unconfirmed).toHaveLength(controls.length - 2);
  });

  it('removing carried evidence from the re-assessment keeps last time\'s file', async () => {
    const q = await second.vendor.portal.questionnaire.query();
    const carried = q.evidence.find((e) => e.controlId === 'IAM-01')!;
    const removed = await fetch(`${server.base}/api/portal/evidence/${carried.id}`, { method: 'DELETE', headers: { cookie: second.vendorCookie } });
    expect(removed.status).toBeLessThan(300);
    expect((await second.vendor.portal.questionnaire.query()).evidence).toEqual([]);
    const old = await fetch(`${server.base}/api/evidence/${firstFileId}`, { headers: { cookie: staffCookie } });
    expect(old.status).toBe(200);
    expect(Buffer.from(await old.arrayBuffer())).toEqual(PDF);
  });

  it('submits once every carried-over answer is confirmed or changed, and the review shows what changed since last time', async () => {
    for (const id of controls.filter((c) => c !== 'IAM-01' && c !== 'IAM-04')) {
      const current = db.select().from(answers).where(and(eq(answers.assessmentId, second.assessmentId), eq(answers.controlId, id))).get()!;
      await second.vendor.portal.saveAnswer.mutate({ controlId: id, value: current.value, comment: current.comment, baseRevision: current.revision });
    }
    expect(await second.vendor.portal.submit.mutate({})).toMatchObject({ submitted: true, unanswered: [], unconfirmed: [] });

    const review = await second.staff.assessments.review.query({ assessmentId: second.assessmentId });
    expect(review.sinceLastTime).toEqual({ previousAssessmentId: first.assessmentId, changed: 1, unconfirmed: 0 });
    const iam04 = review.items.find((i) => i.control.id === 'IAM-04')!;
    expect(iam04).toMatchObject({ change: 'changed', previous: { value: 'no', comment: 'Push approval only.' }, answer: { value: 'yes', carriedOver: true } });
    const iam01 = review.items.find((i) => i.control.id === 'IAM-01')!;
    expect(iam01).toMatchObject({ change: 'unchanged', previous: null, answer: { value: 'yes', carriedOver: true, confirmedAt: expect.any(Date) } });
    expect(review.items.filter((i) => i.change === 'unchanged')).toHaveLength(controls.length - 1);
  });
});
