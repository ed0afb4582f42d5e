/**
 * A template with custom and conditional questions, end to end over real
 * HTTP on a real SQLite file: imported, published, sent through a link,
 * answered by the vendor (each kind of answer checked against its question),
 * submitted, reviewed and completed. The scores, grades, residuals and tasks
 * are the worked example of docs/scoring.md section 13 (vendors A and B),
 * computed here by the server, never restated from the engine.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDateInDays } from '#shared/dates.ts';
import { DEFAULT_SLA_DAYS } from '#shared/remediation/sla.ts';
import { answers, assessments, remediationTasks, vendorRisk } from '../../drizzle/schema/index.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { createUserWithPassword } from '../helpers/auth.ts';
import { createVendor } from '../helpers/factories.ts';
import { linkClient } from '../helpers/linkClient.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { StaffClient } from '../helpers/staffClient.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';
import { oscalSchemaCheck } from '../../scripts/oscal/schema.ts';
import { saasPrescreen } from '../unit/templates/fixtures.ts';

let db: Db;
let server: TestServer;
let staff: StaffClient;
const clock = new Date('2026-06-15T09:00:00Z');

/** The vendor of docs/scoring.md section 13.1: SaaS, read access, criticality 3, 20,000 customer email addresses. */
const saasVendor = (name: string) => createVendor(db, { name, services: ['saas'], access: 'read', criticality: 3, holdings: [{ category: 'contact.email', records: 20_000 }] });

async function sendTo(vendorId: number) {
  const started = await staff.trpcMutation<{ assessmentId: number }>('assessments.start', { vendorId, templateKey: 'saas-prescreen' });
  expect(started.error, JSON.stringify(started.error)).toBeUndefined();
  const assessmentId = started.data!.assessmentId;
  const link = await staff.trpcMutation<{ url: string }>('assessments.createShareLink', { assessmentId, recipientName: 'Sam Vendor', recipientEmail: 'sam@vendor.example', sendEmail: false });
  const vendor = linkClient(server.base);
  const cookie = (await vendor.openLink(link.data!.url)).cookie!;
  const revisions = new Map<string, number>();
  const save = async (controlId: string, answer: { value?: string | null; response?: unknown }) => {
    const result = await vendor.portal(cookie, 'saveAnswer', { controlId, value: answer.value ?? null, response: answer.response ?? null, baseRevision: revisions.get(controlId) ?? 0 }, 'POST');
    if (result.status === 200) revisions.set(controlId, result.data.revision);
    return result;
  };
  return { assessmentId, save, portal: (path: string, input?: unknown, method?: 'GET' | 'POST') => vendor.portal(cookie, path, input, method) };
}

async function complete(assessmentId: number) {
  for (const to of ['in_review', 'completed'] as const) {
    const moved = await staff.trpcMutation('assessments.transition', { assessmentId, to });
    expect(moved.status, JSON.stringify(moved.error)).toBe(200);
  }
  return db.select().from(assessments).where(eq(assessments.id, assessmentId)).get()!;
}

const tasksOf = (assessmentId: number) =>
  db
    .select({ controlId: remediationTasks.controlId, severity: remediationTasks.severity, dueDate: remediationTasks.dueDate })
    .from(remediationTasks)
    .where(eq(remediationTasks.assessmentId, assessmentId))
    .all()
    .sort((a, b) => a.controlId.localeCompare(b.controlId));

beforeAll(async () => {
  db = createTestDatabase().db;
  server = await startTestServer(db, { now: () => clock });
  const user = await createUserWithPassword(server.auth, 'procurement');
  staff = new StaffClient(server.base);
  expect((await staff.signIn(user.email)).status).toBe(200);
  const content = JSON.stringify({ format: 'tollgate-template/1', ...saasPrescreen() });
  expect((await staff.trpcMutation('templates.import', { content, fileName: 'prescreen.json' })).status).toBe(200);
  expect((await staff.trpcMutation('templates.publish', { key: 'saas-prescreen', version: 1 })).status).toBe(200);
});
afterAll(() => server.close());

describe('a template with custom and conditional questions', () => {
  it('can be chosen when starting an assessment', async () => {
    const listed = await staff.trpcQuery<{ key: string; versions: Record<string, unknown>[] }[]>('templates.list');
    const prescreen = listed.data!.find((t) => t.key === 'saas-prescreen')!;
    expect(prescreen.versions[0]).not.toHaveProperty('notAssessable');
  });

  it('refuses an answer that does not fit its question, and saves the one that does', async () => {
    const { save } = await sendTo(saasVendor('Fitting Answers Ltd'));
    const refusals = [
      [save('sso', { response: { options: ['sso', 'local'] } }), 'Choose exactly one option for sso.'],
      [save('sso', { response: { options: ['passkeys'] } }), '"passkeys" is not an option of sso.'],
      [save('sso', { value: 'yes' }), 'sso is not answered with Yes, Partial or No.'],
      [save('sso', { value: 'na' }), '"Not applicable" is not an answer for sso.'],
      [save('token-lifetime', { response: { text: 'two weeks' } }), 'token-lifetime takes a number.'],
      [save('has-integrations', { response: { number: 1 } }), 'has-integrations is answered with Yes, Partial or No only.'],
      [save('integration-notes', { response: { text: '   ' } }), 'An answer to integration-notes cannot be empty: clear it instead.'],
      [save('nope', { value: 'yes' }), 'nope is not a question of this questionnaire.'],
    ] as const;
    for (const [pending, message] of refusals) {
      const refused = await pending;
      expect(refused.status).toBe(400);
      expect(refused.error?.message).toBe(message);
    }
    const malformed = await save('token-lifetime', { response: { number: 'fourteen' } });
    expect(malformed.status).toBe(400);

    expect((await save('protections', { response: { options: ['encrypt-rest', 'encrypt-transit'] } })).data).toMatchObject({ response: { options: ['encrypt-rest', 'encrypt-transit'] }, value: null });
    // Ticking none of the options is an answer too (docs/templates.md section 1).
    expect((await save('protections', { response: { options: [] } })).status).toBe(200);
    expect((await save('token-lifetime', { response: { number: 0.5 } })).data).toMatchObject({ response: { number: 0.5 } });
  });

  it('shows the follow-up questions only once the answer they depend on says so, and counts only the questions shown, for the vendor and for staff alike', async () => {
    const vendorId = saasVendor('Shown Questions Ltd');
    const { assessmentId, save, portal } = await sendTo(vendorId);
    // The staff's assessment page and list count what the vendor is asked, as the portal does.
    const staffProgress = async () => {
      const page = (await staff.trpcQuery<{ progress: { answered: number; total: number } }>('assessments.get', { assessmentId })).data!.progress;
      const row = (await staff.trpcQuery<{ rows: { id: number; answered: number; total: number }[] }>('assessments.list', { vendorId })).data!.rows.find((r) => r.id === assessmentId)!;
      expect({ answered: row.answered, total: row.total }).toEqual(page);
      return page;
    };
    // Five scored or asked questions; token-lifetime and integration-notes wait for has-integrations.
    expect((await portal('overview')).data.progress).toMatchObject({ answered: 0, total: 4 });
    expect(await staffProgress()).toEqual({ answered: 0, total: 4 });
    await save('has-integrations', { value: 'yes' });
    expect((await portal('overview')).data.progress).toMatchObject({ answered: 1, total: 6 });
    expect(await staffProgress()).toEqual({ answered: 1, total: 6 });
    await save('token-lifetime', { response: { number: 14 } });
    expect(await staffProgress()).toEqual({ answered: 2, total: 6 });
    await save('has-integrations', { value: 'no' });
    // The token lifetime is kept, but no longer asked nor counted.
    expect((await portal('overview')).data.progress).toMatchObject({ answered: 1, total: 4 });
    expect(await staffProgress()).toEqual({ answered: 1, total: 4 });
  });

  it('will not submit while a required custom question is unanswered, even when told to count it as No', async () => {
    const { save, portal } = await sendTo(saasVendor('Required Answers Ltd'));
    await save('IAM-01', { value: 'yes' });
    await save('has-integrations', { value: 'no' });
    const refused = await portal('submit', { confirmUnanswered: true }, 'POST');
    expect(refused.data).toMatchObject({ submitted: false });
    expect(refused.data.unanswered.map((q: { id: string; required: boolean }) => [q.id, q.required])).toEqual([
      ['sso', true],
      ['protections', true],
    ]);
    await save('sso', { response: { options: ['local'] } });
    await save('protections', { response: { options: [] } });
    expect((await portal('submit', { confirmUnanswered: false }, 'POST')).data).toMatchObject({ submitted: true, unanswered: [] });
  });

  it('scores vendor A of docs/scoring.md 13.2: 77.8, C, residual 6 medium, three tasks with their severity SLAs', async () => {
    const vendorId = saasVendor('Vendor A Ltd');
    const { assessmentId, save, portal } = await sendTo(vendorId);
    await save('IAM-01', { value: 'yes' });
    await save('sso', { response: { options: ['sso'] } });
    await save('protections', { response: { options: ['encrypt-rest', 'encrypt-transit'] } });
    await save('has-integrations', { value: 'yes' });
    await save('token-lifetime', { response: { number: 14 } });
    await save('integration-notes', { response: { text: 'Our ticket sync reads your CRM.' } });
    expect((await portal('submit', { confirmUnanswered: false }, 'POST')).data).toMatchObject({ submitted: true });

    // The reviewer reads each answer in words, with the section titles of the template.
    const review = await staff.trpcQuery<{ domains: { id: string; name: string }[]; items: { control: { id: string; scored: boolean }; answer: { said: string } | null; outcome: string }[] }>('assessments.review', { assessmentId });
    expect(review.data!.domains.map((d) => d.name)).toEqual(['Access', 'Data', 'Integrations']);
    expect(Object.fromEntries(review.data!.items.map((i) => [i.control.id, [i.answer?.said ?? null, i.outcome]]))).toEqual({
      'IAM-01': ['Yes', 'met'],
      sso: ['Single sign-on with other MFA', 'partial'],
      protections: ['Encrypted at rest, Encrypted in transit', 'partial'],
      'has-integrations': ['Yes', 'not_scored'],
      'token-lifetime': ['14', 'partial'],
      'integration-notes': ['Our ticket sync reads your CRM.', 'not_scored'],
    });

    const done = await complete(assessmentId);
    expect([done.score, done.grade, done.likelihood, done.impact, done.residual, done.band, done.projectedResidual]).toEqual([77.8, 'C', 3, 2, 6, 'medium', 2]);
    expect(done.result!.sections!.map((s) => [s.name, s.score])).toEqual([
      ['Access', 83.3],
      ['Data', 75],
      ['Integrations', 50],
    ]);
    expect(tasksOf(assessmentId)).toEqual([
      { controlId: 'protections', severity: 'high', dueDate: isoDateInDays(clock, DEFAULT_SLA_DAYS.high) },
      { controlId: 'sso', severity: 'high', dueDate: isoDateInDays(clock, DEFAULT_SLA_DAYS.high) },
      { controlId: 'token-lifetime', severity: 'medium', dueDate: isoDateInDays(clock, DEFAULT_SLA_DAYS.medium) },
    ]);
    const risk = db.select().from(vendorRisk).where(eq(vendorRisk.vendorId, vendorId)).get()!;
    expect([risk.score, risk.grade, risk.residual, risk.band]).toEqual([77.8, 'C', 6, 'medium']);
    // The dashboard's failing controls speak of catalogue controls only.
    expect(risk.failingControls).toEqual([]);
    // The vendor page scores every section of the template, by its title, so the custom questions' failures show there.
    const page = await staff.trpcQuery<{ risk: { domains: { domain: string; name: string; score: number | null; answered: number; controls: number }[] } }>('vendors.get', { id: vendorId });
    expect(page.data!.risk.domains.map((d) => [d.name, d.score, d.answered, d.controls])).toEqual([
      ['Access', 83.3, 2, 2],
      ['Data', 75, 1, 1],
      ['Integrations', 50, 3, 3],
    ]);

    // A custom question's task is titled by the question.
    const report = await staff.trpcQuery<{ failing: { controlId: string; title: string; domain: string }[] }>('assessments.report', { assessmentId });
    expect(report.data!.failing.map((f) => [f.controlId, f.domain])).toEqual([
      ['sso', 'access'],
      ['protections', 'data'],
      ['token-lifetime', 'integrations'],
    ]);

    // The OSCAL results name each failed custom question as a finding, and the document is valid against NIST's published schema.
    const oscal = await fetch(`${server.base}/api/assessments/${assessmentId}/oscal-results.json`, { headers: { cookie: staff.cookieHeader } });
    expect(oscal.status).toBe(200);
    const document = (await oscal.json()) as { 'assessment-results': { results: { findings: { target: { 'target-id': string } }[] }[] } };
    expect(oscalSchemaCheck().problems(document)).toEqual([]);
    expect(document['assessment-results'].results[0]!.findings.map((f) => f.target['target-id']).sort()).toEqual(['protections', 'sso', 'token-lifetime']);
  });

  it('scores vendor B of 13.3 without the hidden questions, keeping but ignoring an answer given before they were hidden: 81.3, B, residual 4 low', async () => {
    const vendorId = saasVendor('Vendor B Ltd');
    const { assessmentId, save, portal } = await sendTo(vendorId);
    await save('IAM-01', { value: 'yes' });
    await save('sso', { response: { options: ['sso'] } });
    await save('protections', { response: { options: ['encrypt-rest', 'encrypt-transit'] } });
    await save('has-integrations', { value: 'yes' });
    await save('token-lifetime', { response: { number: 400 } });
    await save('has-integrations', { value: 'no' });
    expect((await portal('submit', { confirmUnanswered: false }, 'POST')).data).toMatchObject({ submitted: true, unanswered: [] });

    const done = await complete(assessmentId);
    expect([done.score, done.grade, done.likelihood, done.residual, done.band]).toEqual([81.3, 'B', 2, 4, 'low']);
    expect(done.result!.sections!.map((s) => [s.section, s.score])).toEqual([
      ['access', 83.3],
      ['data', 75],
      ['integrations', null],
    ]);
    expect(tasksOf(assessmentId).map((t) => t.controlId)).toEqual(['protections', 'sso']);
    // Kept, as the vendor gave it.
    expect(db.select().from(answers).where(and(eq(answers.assessmentId, assessmentId), eq(answers.controlId, 'token-lifetime'))).get()?.response).toEqual({ number: 400 });
  });

  it('asks the hidden questions again when the reviewer rejects the answer that hid them (13.4): 72.2, C, residual 6, three tasks', async () => {
    const { assessmentId, save, portal } = await sendTo(saasVendor('Vendor C Ltd'));
    await save('IAM-01', { value: 'yes' });
    await save('sso', { response: { options: ['sso'] } });
    await save('protections', { response: { options: ['encrypt-rest', 'encrypt-transit'] } });
    await save('has-integrations', { value: 'no' });
    expect((await portal('submit', { confirmUnanswered: false }, 'POST')).data).toMatchObject({ submitted: true });
    expect((await staff.trpcMutation('assessments.transition', { assessmentId, to: 'in_review' })).status).toBe(200);
    const rejected = await staff.trpcMutation('assessments.reviewAnswer', { assessmentId, controlId: 'has-integrations', decision: 'reject', note: 'Your OAuth app is installed in our tenant.' });
    expect(rejected.status, JSON.stringify(rejected.error)).toBe(200);
    const moved = await staff.trpcMutation('assessments.transition', { assessmentId, to: 'completed' });
    expect(moved.status, JSON.stringify(moved.error)).toBe(200);
    const done = db.select().from(assessments).where(eq(assessments.id, assessmentId)).get()!;
    expect([done.score, done.grade, done.likelihood, done.residual, done.band]).toEqual([72.2, 'C', 3, 6, 'medium']);
    expect(done.result!.sections!.find((s) => s.section === 'integrations')?.score).toBe(0);
    expect(tasksOf(assessmentId).map((t) => [t.controlId, t.severity])).toEqual([
      ['protections', 'high'],
      ['sso', 'high'],
      ['token-lifetime', 'medium'],
    ]);
  });
});
