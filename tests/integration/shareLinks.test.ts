/**
 * Questionnaire links over real HTTP: the token's lifecycle (create, open,
 * expire, revoke, lock after submit) and isolation (a session of one
 * assessment reaches nothing of another, evidence included).
 */
import { eq } from 'drizzle-orm';
import { addDays } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers, assessments, auditEvents, emailOutbox, shareLinks } from '../../drizzle/schema/index.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { StaffUser } from '../../server/platform/callers.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { createCaller } from '../../server/router.ts';
import { hashToken } from '../../server/platform/tokens.ts';
import { seedOrganisation } from '../../server/platform/settings.ts';
import { latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import { createVendor } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

let db: Db;
let server: TestServer;
let clock = new Date();
const procurement: StaffUser = { id: 'u-proc', name: 'Priya Procurement', email: 'priya@tollgate.example', role: 'procurement' };

function newAssessment(name: string): number {
  const vendorId = createVendor(db, { name, holdings: [{ category: 'contact.email', records: 1000 }] });
  const version = latestPublishedVersion(db, 'lite');
  return db.insert(assessments).values({ vendorId, templateVersionId: version.id, status: 'draft', assessorId: procurement.id, dueDate: '2030-01-31' }).returning().get().id;
}

const staff = () => createCaller(createContextInner({ db, user: procurement, now: () => clock, services: { publicUrl: server.base } }));

/** A browser of its own: follows /q/TOKEN and keeps the cookie it gets. */
async function openLink(url: string) {
  const response = await fetch(url, { redirect: 'manual' });
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') || null;
  return { status: response.status, location: response.headers.get('location'), cookie, html: await response.text(), setCookie: response.headers.getSetCookie().join('\n') };
}

async function portal(cookie: string | null, path: string, input?: unknown, method: 'GET' | 'POST' = 'GET') {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) };
  const response =
    method === 'GET'
      ? await fetch(`${server.base}/trpc/portal.${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`, { headers })
      : await fetch(`${server.base}/trpc/portal.${path}`, { method: 'POST', headers, body: JSON.stringify({ json: input }) });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields it checks
  const body = (await response.json()) as { result?: { data: { json: any } }; error?: { json: { message: string; data: { code: string } } } };
  return { status: response.status, data: body.result?.data.json, error: body.error?.json };
}

beforeAll(async () => {
  db = createTestDatabase().db;
  db.insert((await import('../../drizzle/schema/index.ts')).users).values({ id: procurement.id, name: procurement.name, email: procurement.email, role: 'procurement' }).run();
  seedOrganisation(db, { name: 'Skyline Air', vendorContact: null }, clock);
  server = await startTestServer(db, { now: () => clock });
});
afterAll(() => server.close());

describe('creating a link', () => {
  it('shows the full URL once, stores only a hash of a 256-bit token, and sends the assessment', async () => {
    const assessmentId = newAssessment('Link Vendor One');
    const created = await staff().assessments.createShareLink({ assessmentId, recipientName: 'Vera Vendor', recipientEmail: 'Vera@vendor.example' });
    const token = created.url.split('/q/')[1]!;
    expect(created.url).toBe(`${server.base}/q/${token}`);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const row = db.select().from(shareLinks).where(eq(shareLinks.id, created.linkId)).get()!;
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(Math.round((row.expiresAt.getTime() - clock.getTime()) / 86_400_000)).toBe(14);
    expect(db.select({ s: assessments.status }).from(assessments).where(eq(assessments.id, assessmentId)).get()).toEqual({ s: 'sent' });
    // Emailed (held in the outbox without SMTP), and never written to the audit log.
    expect(db.select().from(emailOutbox).where(eq(emailOutbox.to, 'vera@vendor.example')).get()?.textBody).toContain(created.url);
    expect(JSON.stringify(db.select().from(auditEvents).all())).not.toContain(token);
    const links = await staff().assessments.shareLinks({ assessmentId });
    expect(links.map((l) => [l.recipientName, l.status, l.createdByName, l.lastOpenedAt])).toEqual([['Vera Vendor', 'active', 'Priya Procurement', null]]);
  });

  it('refuses an expiry over 90 days with a clear message', async () => {
    const assessmentId = newAssessment('Link Vendor Two');
    await expect(staff().assessments.createShareLink({ assessmentId, recipientName: 'X', recipientEmail: 'x@vendor.example', expiresInDays: 91 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('at most 90 days'),
    });
  });
});

describe('opening a link', () => {
  it('trades a valid token for an httpOnly cookie and redirects to a URL without the token', async () => {
    const assessmentId = newAssessment('Open Vendor');
    const { url } = await staff().assessments.createShareLink({ assessmentId, recipientName: 'Olga', recipientEmail: 'olga@vendor.example' });
    const opened = await openLink(url);
    expect(opened.status).toBe(303);
    expect(opened.location).toBe('/portal');
    expect(opened.setCookie).toMatch(/tollgate_link=[\w-]+;.*HttpOnly/);
    expect(opened.setCookie).toMatch(/SameSite=Lax/);
    const overview = await portal(opened.cookie, 'overview');
    expect(overview.data).toMatchObject({ organisation: 'Skyline Air', vendorName: 'Open Vendor', recipientName: 'Olga', dueDate: '2030-01-31', askedBy: { name: 'Priya Procurement' } });
    const listed = await staff().assessments.shareLinks({ assessmentId });
    expect(listed[0]?.lastOpenedAt).not.toBeNull();
  });

  it('answers an unknown token with 404 and a plain page', async () => {
    const opened = await openLink(`${server.base}/q/${'A'.repeat(43)}`);
    expect(opened.status).toBe(404);
    expect(opened.html).toContain('This link is not valid');
    expect(opened.cookie).toBeNull();
  });

  it('answers an expired link with 410, naming who to ask', async () => {
    const assessmentId = newAssessment('Expired Vendor');
    const { url } = await staff().assessments.createShareLink({ assessmentId, recipientName: 'Ed', recipientEmail: 'ed@vendor.example', expiresInDays: 1 });
    const saved = clock;
    clock = addDays(saved, 2);
    const opened = await openLink(url);
    clock = saved;
    expect(opened.status).toBe(410);
    expect(opened.html).toContain('This questionnaire link has expired');
    expect(opened.html).toContain('Priya Procurement');
    expect((await staff().assessments.shareLinks({ assessmentId }))[0]?.status).toBe('active');
  });

  it('answers a revoked link with 410, and ends sessions already open', async () => {
    const assessmentId = newAssessment('Revoked Vendor');
    const { url, linkId } = await staff().assessments.createShareLink({ assessmentId, recipientName: 'Rita', recipientEmail: 'rita@vendor.example' });
    const opened = await openLink(url);
    expect((await portal(opened.cookie, 'overview')).status).toBe(200);
    await staff().assessments.revokeShareLink({ linkId });
    expect((await portal(opened.cookie, 'overview')).status).toBe(401);
    const again = await openLink(url);
    expect(again.status).toBe(410);
    expect(again.html).toContain('withdrawn');
    expect((await staff().assessments.shareLinks({ assessmentId }))[0]?.status).toBe('revoked');
  });

  it('withdraws the links of a cancelled assessment', async () => {
    const assessmentId = newAssessment('Cancelled Vendor');
    const { url } = await staff().assessments.createShareLink({ assessmentId, recipientName: 'Cy', recipientEmail: 'cy@vendor.example' });
    await staff().assessments.transition({ assessmentId, to: 'cancelled', note: 'Vendor dropped' });
    const opened = await openLink(url);
    expect(opened.status).toBe(410);
    expect((await staff().assessments.shareLinks({ assessmentId }))[0]?.status).toBe('revoked');
  });

  it('demands the emailed code first when the link asks for it', async () => {
    const assessmentId = newAssessment('Code Vendor');
    const { url } = await staff().assessments.createShareLink({ assessmentId, recipientName: 'Cody', recipientEmail: 'cody@vendor.example', emailCodeRequired: true });
    const { cookie } = await openLink(url);
    expect((await portal(cookie, 'gate')).data).toEqual({ codeRequired: true, lockedUntil: null });
    expect((await portal(cookie, 'overview')).status).toBe(403);
    expect((await portal(cookie, 'sendCode', undefined, 'POST')).data).toEqual({ sentTo: '…@vendor.example' });
    const email = db.select().from(emailOutbox).where(eq(emailOutbox.to, 'cody@vendor.example')).all().at(-1)!;
    const code = /code is (\d{6})/.exec(email.textBody)![1]!;
    const wrong = code === '000000' ? '000001' : '000000';
    expect((await portal(cookie, 'verifyCode', { code: wrong }, 'POST')).status).toBe(400);
    expect((await portal(cookie, 'verifyCode', { code }, 'POST')).status).toBe(200);
    expect((await portal(cookie, 'overview')).status).toBe(200);
  });
});

describe('answering and submitting', () => {
  it('autosaves, refuses to silently overwrite a newer answer, and locks after submit', async () => {
    const assessmentId = newAssessment('Answer Vendor');
    const { url } = await staff().assessments.createShareLink({ assessmentId, recipientName: 'Ann', recipientEmail: 'ann@vendor.example' });
    const ann = (await openLink(url)).cookie;
    const bob = (await openLink(url)).cookie; // a colleague on the same link

    const first = await portal(ann, 'saveAnswer', { controlId: 'IAM-01', value: 'partial', comment: 'Rolling out keys', baseRevision: 0 }, 'POST');
    expect(first.data).toMatchObject({ revision: 1, value: 'partial' });
    expect(db.select({ s: assessments.status }).from(assessments).where(eq(assessments.id, assessmentId)).get()).toEqual({ s: 'in_progress' });

    // Bob loaded the question before Ann saved: his save is a conflict showing Ann's answer.
    const clash = await portal(bob, 'saveAnswer', { controlId: 'IAM-01', value: 'yes', comment: '', baseRevision: 0 }, 'POST');
    expect(clash.status).toBe(409);
    expect(clash.error?.message).toBe('This answer was changed by someone else since you opened it.');
    expect(db.select().from(answers).where(eq(answers.assessmentId, assessmentId)).get()).toMatchObject({ value: 'partial', revision: 1 });
    // Having seen both, Bob chooses his.
    expect((await portal(bob, 'saveAnswer', { controlId: 'IAM-01', value: 'yes', comment: 'All staff on keys', baseRevision: 1 }, 'POST')).data).toMatchObject({ revision: 2 });

    expect((await portal(ann, 'saveAnswer', { controlId: 'IAM-03', value: 'na', comment: '', baseRevision: 0 }, 'POST')).error?.message).toContain('"Not applicable" is not an answer for IAM-03');
    expect((await portal(ann, 'saveAnswer', { controlId: 'GOV-01', value: 'yes', comment: '', baseRevision: 0 }, 'POST')).error?.message).toContain('not a question of this questionnaire');

    const attempt = await portal(ann, 'submit', {}, 'POST');
    expect(attempt.data.submitted).toBe(false);
    expect(attempt.data.unanswered.length).toBe(14);
    const done = await portal(ann, 'submit', { confirmUnanswered: true }, 'POST');
    expect(done.data).toMatchObject({ submitted: true });
    expect(db.select({ s: assessments.status }).from(assessments).where(eq(assessments.id, assessmentId)).get()).toEqual({ s: 'submitted' });
    expect(db.select().from(emailOutbox).where(eq(emailOutbox.to, procurement.email)).all().some((m) => m.subject === 'Answer Vendor submitted its questionnaire')).toBe(true);

    const locked = await portal(ann, 'saveAnswer', { controlId: 'IAM-02', value: 'yes', comment: '', baseRevision: 0 }, 'POST');
    expect(locked.status).toBe(412);
    expect((await staff().assessments.shareLinks({ assessmentId }))[0]?.status).toBe('submitted');

    // Procurement reopens it with a note the vendor sees.
    await staff().assessments.reopen({ assessmentId, note: 'Please attach your MFA policy to IAM-01.' });
    expect((await portal(ann, 'overview')).data).toMatchObject({ editable: true, reopenNote: 'Please attach your MFA policy to IAM-01.' });
    expect((await portal(ann, 'saveAnswer', { controlId: 'IAM-02', value: 'yes', comment: '', baseRevision: 0 }, 'POST')).status).toBe(200);
  });
});

describe('isolation between assessments', () => {
  it('keeps a session of assessment A out of everything of B, evidence included', async () => {
    const a = newAssessment('Isolated A');
    const b = newAssessment('Isolated B');
    const cookieA = (await openLink((await staff().assessments.createShareLink({ assessmentId: a, recipientName: 'A', recipientEmail: 'a@a.example' })).url)).cookie;
    const cookieB = (await openLink((await staff().assessments.createShareLink({ assessmentId: b, recipientName: 'B', recipientEmail: 'b@b.example' })).url)).cookie;

    const form = new FormData();
    form.append('controlId', 'IAM-01');
    form.append('file', new Blob(['%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'], { type: 'application/pdf' }), 'mfa-policy.pdf');
    const upload = await fetch(`${server.base}/api/portal/evidence`, { method: 'POST', headers: { cookie: cookieB! }, body: form });
    expect(upload.status).toBe(201);
    const evidence = (await upload.json()) as { id: number; sha256: string; mimeType: string };
    expect(evidence.mimeType).toBe('application/pdf');
    expect(evidence.sha256).toMatch(/^[0-9a-f]{64}$/);

    // B's own session can download it; A's cannot, and learns nothing (404, as for a missing file).
    expect((await fetch(`${server.base}/api/portal/evidence/${evidence.id}`, { headers: { cookie: cookieB! } })).status).toBe(200);
    expect((await fetch(`${server.base}/api/portal/evidence/${evidence.id}`, { headers: { cookie: cookieA! } })).status).toBe(404);
    expect((await fetch(`${server.base}/api/portal/evidence/${evidence.id}`, { method: 'DELETE', headers: { cookie: cookieA! } })).status).toBe(404);
    // A's session sees only A, whatever it asks for.
    expect((await portal(cookieA, 'overview')).data.vendorName).toBe('Isolated A');
    expect((await portal(cookieA, 'questionnaire')).data.evidence).toEqual([]);
    // And no staff data at all.
    for (const path of ['vendors.list', 'assessments.get', 'users.list', 'audit.list']) {
      const response = await fetch(`${server.base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: { assessmentId: b } }))}`, { headers: { cookie: cookieA! } });
      expect(response.status, path).toBe(401);
    }
    // Staff downloads need a staff session.
    expect((await fetch(`${server.base}/api/evidence/${evidence.id}`, { headers: { cookie: cookieA! } })).status).toBe(401);
  });

  it('checks an upload\'s type from its content, not its name', async () => {
    const a = newAssessment('Upload Checks');
    const cookie = (await openLink((await staff().assessments.createShareLink({ assessmentId: a, recipientName: 'U', recipientEmail: 'u@u.example' })).url)).cookie!;
    const send = async (name: string, bytes: string) => {
      const form = new FormData();
      form.append('controlId', 'IAM-01');
      form.append('file', new Blob([bytes]), name);
      return fetch(`${server.base}/api/portal/evidence`, { method: 'POST', headers: { cookie }, body: form });
    };
    const fake = await send('policy.pdf', 'MZ\x90\x00 this is really an executable');
    expect(fake.status).toBe(400);
    expect(((await fake.json()) as { error: string }).error).toContain('not accepted');
    expect((await send('export.csv', 'name,mfa\nalice,yes\n')).status).toBe(201);
    expect((await send('script.html', '<script>alert(1)</script>')).status).toBe(400);
  });
});
