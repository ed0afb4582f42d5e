/**
 * Remediation tasks over real HTTP, on a real SQLite file: the Tasks list
 * and its filters, every lifecycle rule and who may apply it (the vendor
 * through its link, the owner, an assessor other than who marked it
 * ready, a CISO-role user for accepted risks), the history nothing
 * rewrites, the audit trail, bulk assignment, the SLA setting (new tasks
 * only), the vendor's risk after a verified fix, and an accepted risk
 * reopening by itself at its expiry with the owner told.
 */
import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SLA_DAYS } from '#shared/remediation/sla.ts';
import { isoDateInDays } from '#shared/dates.ts';
import { assessments, auditEvents, emailOutbox, remediationTasks, riskSnapshots, taskEvents, users, vendorRisk } from '../../drizzle/schema/index.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { StaffUser } from '../../server/platform/callers.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { runDueJobs } from '../../server/jobs.ts';
import { createCaller } from '../../server/router.ts';
import { latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import { createUserWithPassword } from '../helpers/auth.ts';
import { createVendor } from '../helpers/factories.ts';
import { linkClient } from '../helpers/linkClient.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { StaffClient } from '../helpers/staffClient.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

let db: Db;
let server: TestServer;
let clock = new Date('2026-06-15T09:00:00Z');
const people: Record<'lead' | 'second' | 'ciso' | 'auditor', { id: string; email: string; client: StaffClient }> = {} as never;
/** Administrators owe a second factor over HTTP; their refusals are checked through the same router in process. */
const admin: StaffUser = { id: 'u-admin', name: 'Ada Admin', email: 'ada@tollgate.example', role: 'admin' };
const asAdmin = () => createCaller(createContextInner({ db, user: admin, mfa: { required: true, satisfied: true, totp: true, passkeys: 0 }, now: () => clock }));

let vendorId: number;
let assessmentId: number;
let linkUrl: string;
let vendorCookie: string;
type Row = { id: number; controlId: string; severity: string; status: string; dueDate: string; ownerId: string | null; overdue: boolean };
let tasks: Row[];

async function staffCall(who: keyof typeof people, path: string, input: unknown) {
  return people[who].client.trpcMutation(path, input);
}
const task = (id: number) => db.select().from(remediationTasks).where(eq(remediationTasks.id, id)).get()!;
const history = (id: number) => db.select().from(taskEvents).where(eq(taskEvents.taskId, id)).orderBy(asc(taskEvents.id)).all();

beforeAll(async () => {
  db = createTestDatabase().db;
  db.insert(users).values({ id: admin.id, name: admin.name, email: admin.email, role: 'admin' }).run();
  server = await startTestServer(db, { now: () => clock });
  for (const [key, role, email] of [
    ['lead', 'procurement', 'lead@tollgate.example'],
    ['second', 'procurement', 'second@tollgate.example'],
    ['ciso', 'ciso', 'ciso@tollgate.example'],
    ['auditor', 'auditor', 'auditor@tollgate.example'],
  ] as const) {
    const user = await createUserWithPassword(server.auth, role, email);
    const client = new StaffClient(server.base);
    expect((await client.signIn(email)).status).toBe(200);
    people[key] = { id: user.id, email, client };
  }

  // A vendor sent a questionnaire it never answered: completing the review fails every control and raises its tasks.
  vendorId = createVendor(db, { name: 'Helpdesk Partners', services: ['help_desk'], access: 'read', holdings: [{ category: 'contact.email', records: 50_000 }] });
  const version = latestPublishedVersion(db, 'lite');
  assessmentId = db.insert(assessments).values({ vendorId, templateVersionId: version.id, status: 'draft', assessorId: people.lead.id, dueDate: '2026-07-15' }).returning().get().id;
  const link = await people.lead.client.trpcMutation<{ url: string }>('assessments.createShareLink', { assessmentId, recipientName: 'Vera Vendor', recipientEmail: 'vera@helpdesk.example' });
  linkUrl = link.data!.url;
  const firstVisit = (await linkClient(server.base).openLink(linkUrl)).cookie!;
  const submitted = await linkClient(server.base).portal(firstVisit, 'submit', { confirmUnanswered: true }, 'POST');
  expect(submitted.status, JSON.stringify(submitted.error)).toBe(200);
  const toReview = await people.lead.client.trpcMutation('assessments.transition', { assessmentId, to: 'in_review' });
  expect(toReview.status, JSON.stringify(toReview.error)).toBe(200);
  expect((await people.lead.client.trpcMutation('assessments.transition', { assessmentId, to: 'completed' })).status).toBe(200);
  vendorCookie = (await linkClient(server.base).openLink(linkUrl)).cookie!;

  const list = await people.lead.client.trpcQuery<{ tasks: Row[] }>('tasks.list', { vendorId });
  tasks = list.data!.tasks;
  expect(tasks.length).toBeGreaterThanOrEqual(6);
});
afterAll(async () => {
  await server.close();
});

describe('the Tasks list', () => {
  it('lists the vendor’s open tasks by due date, each owned by the assessor who ran the assessment', () => {
    expect(tasks.every((t) => t.status === 'open' && t.ownerId === people.lead.id)).toBe(true);
    const dates = tasks.map((t) => t.dueDate);
    expect(dates).toEqual([...dates].sort());
  });

  it('sorts latest first on request', async () => {
    const list = await people.auditor.client.trpcQuery<{ tasks: Row[] }>('tasks.list', { vendorId, sort: 'due_desc' });
    const dates = list.data!.tasks.map((t) => t.dueDate);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('filters by severity, owner, due window and overdue', async () => {
    const severity = tasks[0]!.severity;
    const bySeverity = await people.auditor.client.trpcQuery<{ tasks: Row[] }>('tasks.list', { vendorId, severity: [severity] });
    expect(bySeverity.data!.tasks.length).toBe(tasks.filter((t) => t.severity === severity).length);
    expect(bySeverity.data!.tasks.every((t) => t.severity === severity)).toBe(true);

    const nobody = await people.auditor.client.trpcQuery<{ tasks: Row[] }>('tasks.list', { vendorId, ownerId: 'none' });
    expect(nobody.data!.tasks).toEqual([]);

    const soonest = tasks[0]!.dueDate;
    const window = await people.auditor.client.trpcQuery<{ tasks: Row[] }>('tasks.list', { vendorId, dueWithinDays: 30 });
    expect(window.data!.tasks.every((t) => t.dueDate <= isoDateInDays(clock, 30))).toBe(true);
    expect(window.data!.tasks.length).toBe(tasks.filter((t) => t.dueDate <= isoDateInDays(clock, 30)).length);

    const none = await people.auditor.client.trpcQuery<{ tasks: Row[] }>('tasks.list', { vendorId, overdue: true });
    expect(none.data!.tasks).toEqual([]);
    const saved = clock;
    clock = new Date(`${soonest}T12:00:00Z`);
    clock = new Date(clock.getTime() + 86_400_000);
    const late = await people.auditor.client.trpcQuery<{ tasks: Row[] }>('tasks.list', { vendorId, overdue: true });
    clock = saved;
    expect(late.data!.tasks.length).toBeGreaterThan(0);
    expect(late.data!.tasks.every((t) => t.overdue && t.dueDate <= soonest)).toBe(true);
  });

  it('refuses a filter it does not know with a clear error', async () => {
    const bad = await people.auditor.client.trpcQuery('tasks.list', { vendorId, dueWithinDays: 12 });
    expect(bad.status).toBe(400);
    expect(bad.error!.message).toContain('The due window must be one of 7, 14, 30, 90 days');
  });
});

describe('the lifecycle', () => {
  it('vendor marks ready through its link, a CISO and an auditor cannot verify, the assessor verifies and the vendor is rescored', async () => {
    const t = tasks[0]!;
    const portal = linkClient(server.base);
    const ready = await portal.portal(vendorCookie, 'updateTask', { taskId: t.id, response: 'MFA is now enforced for every agent.', readyForVerification: true }, 'POST');
    expect(ready.status, JSON.stringify(ready.error)).toBe(200);
    expect(task(t.id).status).toBe('ready_for_verification');
    expect(task(t.id).readyByUserId).toBeNull();

    const byAuditor = await staffCall('auditor', 'tasks.transition', { taskId: t.id, to: 'closed' });
    expect(byAuditor.status).toBe(403);
    const byCiso = await staffCall('ciso', 'tasks.transition', { taskId: t.id, to: 'closed' });
    expect(byCiso.status).toBe(403);
    expect(byCiso.error!.message).toContain('Only an assessor (administrator or procurement) may verify');

    const before = db.select().from(vendorRisk).where(eq(vendorRisk.vendorId, vendorId)).get()!;
    const snapshotsBefore = db.select({ n: count() }).from(riskSnapshots).where(and(eq(riskSnapshots.vendorId, vendorId), eq(riskSnapshots.reason, 'remediation'))).get()!.n;
    const verified = await staffCall('lead', 'tasks.transition', { taskId: t.id, to: 'closed', note: 'Checked the admin console export.' });
    expect(verified.status, JSON.stringify(verified.error)).toBe(200);
    expect(task(t.id)).toMatchObject({ status: 'closed', verifiedBy: people.lead.id });
    const after = db.select().from(vendorRisk).where(eq(vendorRisk.vendorId, vendorId)).get()!;
    expect(after.score!).toBeGreaterThan(before.score!);
    expect(after.failingControls).not.toContain(t.controlId);
    const snapshotsAfter = db.select({ n: count() }).from(riskSnapshots).where(and(eq(riskSnapshots.vendorId, vendorId), eq(riskSnapshots.reason, 'remediation'))).get()!.n;
    expect(snapshotsAfter).toBe(snapshotsBefore + 1);

    // The history says who, when, from what, to what and why, in order.
    expect(history(t.id).map((h) => [h.kind, h.actorType, h.actorLabel, h.fromStatus, h.toStatus, h.note])).toEqual([
      ['mark_ready', 'vendor_link', 'Vera Vendor', 'open', 'ready_for_verification', 'MFA is now enforced for every agent.'],
      ['verify', 'user', 'Test procurement', 'ready_for_verification', 'closed', 'Checked the admin console export.'],
    ]);
    const detail = await people.auditor.client.trpcQuery<{ history: unknown[]; comments: { body: string }[]; available: unknown[] }>('tasks.detail', { taskId: t.id });
    expect(detail.data!.history).toHaveLength(2);
    expect(detail.data!.comments.map((c) => c.body)).toEqual(['MFA is now enforced for every agent.']);
    expect(detail.data!.available).toEqual([]);
  });

  it('refuses illegal moves with a clear error and changes nothing', async () => {
    const closed = tasks[0]!;
    const again = await staffCall('second', 'tasks.transition', { taskId: closed.id, to: 'in_progress' });
    expect(again.status).toBe(412);
    expect(again.error!.message).toBe('A task that is closed cannot become in progress: closed is final.');
    const open = tasks[5]!;
    const skip = await staffCall('lead', 'tasks.transition', { taskId: open.id, to: 'closed' });
    expect(skip.status).toBe(403);
    expect(skip.error!.message).toContain('once it is ready for verification');
    expect(task(open.id).status).toBe('open');
    expect(history(open.id)).toEqual([]);
  });

  it('four eyes: who marked a task ready cannot verify it; another assessor can', async () => {
    const t = tasks[1]!;
    const noNote = await staffCall('lead', 'tasks.transition', { taskId: t.id, to: 'ready_for_verification' });
    expect(noNote.status).toBe(400);
    expect(noNote.error!.message).toContain('A note is required');
    expect((await staffCall('lead', 'tasks.transition', { taskId: t.id, to: 'in_progress' })).status).toBe(200);
    expect((await staffCall('lead', 'tasks.transition', { taskId: t.id, to: 'ready_for_verification', note: 'Vendor sent the policy by email.' })).status).toBe(200);
    expect(task(t.id).readyByUserId).toBe(people.lead.id);
    const own = await staffCall('lead', 'tasks.transition', { taskId: t.id, to: 'closed' });
    expect(own.status).toBe(403);
    expect(own.error!.message).toContain('someone else must verify it');
    expect((await staffCall('second', 'tasks.transition', { taskId: t.id, to: 'closed' })).status).toBe(200);
    expect(history(t.id).map((h) => h.kind)).toEqual(['start_work', 'mark_ready', 'verify']);
  });

  it('an assessor sends a task back with a note the vendor reads in the portal', async () => {
    const t = tasks[2]!;
    const portal = linkClient(server.base);
    await portal.portal(vendorCookie, 'updateTask', { taskId: t.id, response: 'Done, see the attached screenshot.', readyForVerification: true }, 'POST');
    const silent = await staffCall('second', 'tasks.transition', { taskId: t.id, to: 'in_progress' });
    expect(silent.status).toBe(400);
    expect(silent.error!.message).toContain('say what is still missing: the vendor reads it');
    expect((await staffCall('second', 'tasks.transition', { taskId: t.id, to: 'in_progress', note: 'The screenshot shows SMS codes; we need phishing-resistant MFA.' })).status).toBe(200);
    expect(task(t.id).status).toBe('in_progress');
    const seen = await portal.portal(vendorCookie, 'tasks');
    const mine = (seen.data.tasks as { id: number; status: string; sentBackNote: string | null }[]).find((x) => x.id === t.id)!;
    expect(mine).toMatchObject({ status: 'in_progress', sentBackNote: 'The screenshot shows SMS codes; we need phishing-resistant MFA.' });
  });

  it('a vendor link of another assessment cannot touch the task', async () => {
    const other = createVendor(db, { name: 'Other Vendor' });
    const version = latestPublishedVersion(db, 'lite');
    const otherAssessment = db.insert(assessments).values({ vendorId: other, templateVersionId: version.id, status: 'draft', assessorId: people.lead.id }).returning().get().id;
    const link = await people.lead.client.trpcMutation<{ url: string }>('assessments.createShareLink', { assessmentId: otherAssessment, recipientName: 'Otto', recipientEmail: 'otto@other.example' });
    const cookie = (await linkClient(server.base).openLink(link.data!.url)).cookie!;
    const t = tasks[5]!;
    const tried = await linkClient(server.base).portal(cookie, 'updateTask', { taskId: t.id, response: 'Fixed!', readyForVerification: true }, 'POST');
    expect(tried.status).toBe(404);
    expect(task(t.id).status).toBe('open');
  });
});

describe('accepted risks', () => {
  const expiry = '2026-09-01';

  it('only a CISO-role user accepts a risk, with a justification and an expiry at most 12 months ahead', async () => {
    const t = tasks[3]!;
    const byProcurement = await staffCall('lead', 'tasks.transition', { taskId: t.id, to: 'risk_accepted', justification: 'Compensating control in place at the network edge.', expiresOn: expiry });
    expect(byProcurement.status).toBe(403);
    expect(byProcurement.error!.message).toContain('Only a CISO-role user may accept a risk');
    await expect(
      asAdmin().tasks.transition({ taskId: t.id, to: 'risk_accepted', justification: 'Compensating control in place at the network edge.', expiresOn: expiry }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const short = await staffCall('ciso', 'tasks.transition', { taskId: t.id, to: 'risk_accepted', justification: 'ok', expiresOn: expiry });
    expect(short.status).toBe(400);
    expect(short.error!.message).toContain('written justification of at least 20 characters');
    const tooLong = await staffCall('ciso', 'tasks.transition', { taskId: t.id, to: 'risk_accepted', justification: 'Compensating control in place at the network edge.', expiresOn: '2027-06-16' });
    expect(tooLong.status).toBe(400);
    expect(tooLong.error!.message).toContain('no later than 2027-06-15');
    const past = await staffCall('ciso', 'tasks.transition', { taskId: t.id, to: 'risk_accepted', justification: 'Compensating control in place at the network edge.', expiresOn: '2026-06-15' });
    expect(past.status).toBe(400);
    expect(task(t.id).status).toBe('open');

    const ok = await staffCall('ciso', 'tasks.transition', { taskId: t.id, to: 'risk_accepted', justification: 'Compensating control in place at the network edge.', expiresOn: expiry });
    expect(ok.status, JSON.stringify(ok.error)).toBe(200);
    expect(task(t.id)).toMatchObject({ status: 'risk_accepted', acceptedBy: people.ciso.id, acceptanceExpiresOn: expiry });

    // The control still fails, and the vendor page shows who accepted it and until when.
    const risk = db.select().from(vendorRisk).where(eq(vendorRisk.vendorId, vendorId)).get()!;
    expect(risk.failingControls).toContain(t.controlId);
    const vendor = await people.auditor.client.trpcQuery<{ tasks: { id: number; status: string; acceptedByName: string | null; acceptanceExpiresOn: string | null }[] }>('vendors.get', { id: vendorId });
    expect(vendor.data!.tasks.find((x) => x.id === t.id)).toMatchObject({ status: 'risk_accepted', acceptedByName: 'Test ciso', acceptanceExpiresOn: expiry });
  });

  it('reopens by itself on its expiry date with a new due date, and tells the owner once', async () => {
    const t = tasks[3]!;
    const log = { info: () => {}, error: () => {} };
    const jobs = { db, uploadsDir: server.uploadsDir, mail: { smtpUrl: null }, publicUrl: server.base };
    clock = new Date('2026-08-31T23:00:00Z');
    await runDueJobs(jobs, log, clock);
    expect(task(t.id).status).toBe('risk_accepted');

    clock = new Date('2026-09-01T00:30:00Z');
    await runDueJobs(jobs, log, clock);
    expect(task(t.id)).toMatchObject({ status: 'open', acceptedBy: null, acceptanceExpiresOn: null, dueDate: isoDateInDays(clock, DEFAULT_SLA_DAYS[t.severity as 'high']) });
    const last = history(t.id).at(-1)!;
    expect(last).toMatchObject({ kind: 'reopen_on_expiry', actorType: 'system', actorLabel: 'Tollgate', fromStatus: 'risk_accepted', toStatus: 'open' });
    const mail = db.select().from(emailOutbox).where(eq(emailOutbox.to, people.lead.email)).all().filter((m) => m.subject.startsWith('Accepted risk expired'));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.textBody).toContain(`${server.base}/tasks/${t.id}`);

    await runDueJobs(jobs, log, new Date('2026-09-01T05:00:00Z'));
    expect(db.select().from(emailOutbox).where(eq(emailOutbox.to, people.lead.email)).all().filter((m) => m.subject.startsWith('Accepted risk expired'))).toHaveLength(1);
    clock = new Date('2026-06-15T09:00:00Z');
  });

  it('a CISO may revoke an acceptance early, with a note', async () => {
    const t = tasks[4]!;
    expect((await staffCall('ciso', 'tasks.transition', { taskId: t.id, to: 'risk_accepted', justification: 'Vendor is being replaced before the end of the year.', expiresOn: '2026-12-01' })).status).toBe(200);
    const noNote = await staffCall('ciso', 'tasks.transition', { taskId: t.id, to: 'open' });
    expect(noNote.status).toBe(400);
    expect((await staffCall('ciso', 'tasks.transition', { taskId: t.id, to: 'open', note: 'The replacement was cancelled.' })).status).toBe(200);
    expect(task(t.id).status).toBe('open');
  });
});

describe('records', () => {
  it('audits every move with its own action', () => {
    const actions = db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.targetType, 'task')).all().map((a) => a.action);
    for (const code of ['task.ready', 'task.verify', 'task.start', 'task.send_back', 'task.risk_accept', 'task.reopen', 'task.acceptance_revoke']) {
      expect(actions).toContain(code);
    }
    const moves = db.select({ n: count() }).from(taskEvents).where(eq(taskEvents.actorType, 'user')).get()!.n;
    const audited = db.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.targetType, 'task'), eq(auditEvents.actorType, 'user'))).get()!.n;
    expect(audited).toBe(moves);
  });

  it('never rewrites a history entry', () => {
    expect(() => db.$client.prepare("update task_events set note = 'changed'").run()).toThrow(/task_events is a history/);
  });
});

describe('assigning owners', () => {
  it('assigns several tasks at once, with history and audit, and refuses an auditor as owner', async () => {
    const ids = [tasks[5]!.id, tasks[6]?.id ?? tasks[4]!.id];
    const toAuditor = await staffCall('lead', 'tasks.assign', { taskIds: ids, ownerId: people.auditor.id });
    expect(toAuditor.status).toBe(400);
    expect(toAuditor.error!.message).toContain('auditors are read-only');
    const byAuditor = await staffCall('auditor', 'tasks.assign', { taskIds: ids, ownerId: people.ciso.id });
    expect(byAuditor.status).toBe(403);
    const done = await staffCall('lead', 'tasks.assign', { taskIds: ids, ownerId: people.ciso.id });
    expect(done.status).toBe(200);
    for (const id of ids) {
      expect(task(id).ownerId).toBe(people.ciso.id);
      expect(history(id).at(-1)).toMatchObject({ kind: 'assign', details: { fromOwner: 'Test procurement', toOwner: 'Test ciso' } });
    }
    // As owner, the CISO may now start work on it.
    expect((await staffCall('ciso', 'tasks.transition', { taskId: ids[0], to: 'in_progress' })).status).toBe(200);
  });

  it('changes none when one of them is closed', async () => {
    const ids = [tasks[5]!.id, tasks[0]!.id];
    const mixed = await staffCall('lead', 'tasks.assign', { taskIds: ids, ownerId: people.second.id });
    expect(mixed.status).toBe(412);
    expect(mixed.error!.message).toContain('Nothing was changed');
    expect(task(tasks[5]!.id).ownerId).toBe(people.ciso.id);
  });
});

describe('SLA days', () => {
  it('are a setting for administrators, checked, and move the due dates of new tasks only', async () => {
    expect((await people.auditor.client.trpcQuery('tasks.sla')).data).toEqual(DEFAULT_SLA_DAYS);
    expect((await staffCall('lead', 'tasks.updateSla', { critical: 5, high: 10, medium: 20, low: 40 })).status).toBe(403);
    await expect(asAdmin().tasks.updateSla({ critical: 40, high: 10, medium: 20, low: 40 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await asAdmin().tasks.updateSla({ critical: 5, high: 10, medium: 20, low: 40 });
    const oldDates = tasks.map((t) => task(t.id).dueDate);

    const version = latestPublishedVersion(db, 'lite');
    const next = db.insert(assessments).values({ vendorId: createVendor(db, { name: 'New Vendor' }), templateVersionId: version.id, status: 'draft', assessorId: people.lead.id }).returning().get().id;
    const nextLink = await people.lead.client.trpcMutation<{ url: string }>('assessments.createShareLink', { assessmentId: next, recipientName: 'Nia', recipientEmail: 'nia@new.example' });
    const nextCookie = (await linkClient(server.base).openLink(nextLink.data!.url)).cookie!;
    await linkClient(server.base).portal(nextCookie, 'submit', { confirmUnanswered: true }, 'POST');
    await people.lead.client.trpcMutation('assessments.transition', { assessmentId: next, to: 'in_review' });
    await people.lead.client.trpcMutation('assessments.transition', { assessmentId: next, to: 'completed' });
    const raised = db.select().from(remediationTasks).where(eq(remediationTasks.assessmentId, next)).all();
    expect(raised.length).toBeGreaterThan(0);
    const days = { critical: 5, high: 10, medium: 20, low: 40 };
    for (const r of raised) expect(r.dueDate).toBe(isoDateInDays(clock, days[r.severity]));
    // Tasks raised before keep their dates, except the one reopened above with a fresh SLA clock.
    expect(tasks.map((t) => task(t.id).dueDate)).toEqual(oldDates);
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'settings.sla.update')).all()).toHaveLength(1);
  });
});

describe('a newer assessment', () => {
  it('closes or supersedes the older tasks, accepted risks included, and says so in their history', async () => {
    const accepted = tasks[6] ?? tasks[4]!;
    expect((await staffCall('ciso', 'tasks.transition', { taskId: accepted.id, to: 'risk_accepted', justification: 'Replaced by the new platform within the quarter.', expiresOn: '2026-12-01' })).status).toBe(200);
    const version = latestPublishedVersion(db, 'lite');
    const next = db.insert(assessments).values({ vendorId, templateVersionId: version.id, status: 'draft', assessorId: people.lead.id }).returning().get().id;
    const link = await people.lead.client.trpcMutation<{ url: string }>('assessments.createShareLink', { assessmentId: next, recipientName: 'Vera Vendor', recipientEmail: 'vera@helpdesk.example' });
    const cookie = (await linkClient(server.base).openLink(link.data!.url)).cookie!;
    await linkClient(server.base).portal(cookie, 'submit', { confirmUnanswered: true }, 'POST');
    expect((await people.lead.client.trpcMutation('assessments.transition', { assessmentId: next, to: 'in_review' })).status).toBe(200);
    expect((await people.lead.client.trpcMutation('assessments.transition', { assessmentId: next, to: 'completed' })).status).toBe(200);

    // Nothing was answered again, so every control still fails: the old tasks give way to the new assessment's own.
    expect(task(accepted.id).status).toBe('superseded');
    expect(history(accepted.id).at(-1)).toMatchObject({ kind: 'supersede', fromStatus: 'risk_accepted', toStatus: 'superseded' });
    expect(task(tasks[0]!.id).status).toBe('closed');
    const stillActive = db.select().from(remediationTasks).where(and(eq(remediationTasks.assessmentId, assessmentId), eq(remediationTasks.status, 'open'))).all();
    expect(stillActive).toEqual([]);
  });
});
