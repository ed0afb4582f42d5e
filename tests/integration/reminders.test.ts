/**
 * The reminder scheduler against a real SQLite file, with an injected
 * clock: what falls due is sent once, to the vendor contact and the person
 * named inside, with a way to act; a rerun or a restart never sends it
 * again; a reminder that fell due while the server was down is sent once
 * at the next run, and only the most urgent of a countdown; a kind turned
 * off in Settings is not sent.
 */
import { addDays, addHours } from 'date-fns';
import { asc, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { answers, assessments, auditEvents, emailOutbox, remediationTasks, remindersSent, shareLinks, shareLinkTokens, vendorRisk } from '../../drizzle/schema/index.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { StaffUser } from '../../server/platform/callers.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { runDueJobs } from '../../server/jobs.ts';
import { createCaller } from '../../server/router.ts';
import { latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import { completeAssessment, createUser, createVendor, NOW } from '../helpers/factories.ts';
import { createTestDatabase, makeTempDir } from '../helpers/testDatabase.ts';
import { createUserWithPassword } from '../helpers/auth.ts';
import { startTestServer } from '../helpers/server.ts';
import { StaffClient } from '../helpers/staffClient.ts';
import { linkClient } from '../helpers/linkClient.ts';
import { DEFAULT_REMINDER_SETTINGS } from '#shared/remediation/reminders.ts';
import { ATTENTION_KINDS, ATTENTION_LISTED_PER_KIND, needsMyAttention } from '#shared/remediation/attention.ts';
import { toIsoDate } from '#shared/dates.ts';
import { loadRemediationState } from '../../server/reminders/state.ts';
import { getCadence } from '../../server/reminders/settings.ts';

const BASE = 'https://tollgate.example';
const procurement: StaffUser = { id: 'u-proc', name: 'User u-proc', email: 'u-proc@tollgate.example', role: 'procurement' };
const admin: StaffUser = { id: 'u-admin', name: 'User u-admin', email: 'u-admin@tollgate.example', role: 'admin' };
const ciso: StaffUser = { id: 'u-ciso', name: 'User u-ciso', email: 'u-ciso@tollgate.example', role: 'ciso' };
const auditor: StaffUser = { id: 'u-audit', name: 'User u-audit', email: 'u-audit@tollgate.example', role: 'auditor' };
const log = { info: () => {}, error: (details: object) => expect.fail(JSON.stringify(details)) };

function setup() {
  const { db, file } = createTestDatabase();
  for (const u of [procurement, admin, ciso, auditor]) createUser(db, u.id, u.role);
  const as = (user: StaffUser, at: Date = NOW) => createCaller(createContextInner({ db, user, now: () => at, services: { publicUrl: BASE, mail: { smtpUrl: null } } }));
  /** One run of the scheduled jobs at `at`, as the server does at start and every hour. */
  const runAt = (at: Date) => runDueJobs({ db, uploadsDir: makeTempDir('uploads-'), reminders: { publicUrl: BASE, mail: { smtpUrl: null } } }, log, at);
  return { db, file, as, runAt };
}

const outbox = (db: Db) => db.select({ to: emailOutbox.to, subject: emailOutbox.subject, text: emailOutbox.textBody, status: emailOutbox.status }).from(emailOutbox).orderBy(asc(emailOutbox.id)).all();
const reminderEmails = (db: Db) => outbox(db).filter((e) => !e.subject.startsWith('Security questionnaire for'));

/** A questionnaire sent at `sentAt`, due on `dueDate`, run by the procurement user, with one unopened link to the vendor. */
async function sentQuestionnaire(db: Db, as: ReturnType<typeof setup>['as'], sentAt: Date, dueDate: string) {
  const vendorId = createVendor(db, { name: 'Northwind Contact Centre' });
  const assessmentId = db
    .insert(assessments)
    .values({ vendorId, templateVersionId: latestPublishedVersion(db, 'lite').id, status: 'draft', dueDate, assessorId: procurement.id })
    .returning()
    .get().id;
  const link = await as(procurement, sentAt).assessments.createShareLink({ assessmentId, recipientName: 'Vera Vendor', recipientEmail: 'vera@northwind.example', expiresInDays: 30 });
  return { vendorId, assessmentId, token: link.url.split('/q/')[1]! };
}

describe('reminders for a questionnaire', () => {
  it('chases an unopened link after 3 days, counts down to the due date, then says overdue weekly, each once', async () => {
    const { db, as, runAt } = setup();
    const sentAt = new Date('2026-06-01T09:00:00Z');
    const { assessmentId, token } = await sentQuestionnaire(db, as, sentAt, '2026-06-15');

    await runAt(addDays(sentAt, 2));
    expect(reminderEmails(db)).toEqual([]);

    // Day 3: the link was not opened. The vendor gets a link to its questionnaire (a new token for the same link), the assessor gets the page.
    await runAt(addHours(addDays(sentAt, 3), 1));
    const chased = reminderEmails(db);
    expect(chased.map((e) => [e.to, e.subject])).toEqual([
      ['u-proc@tollgate.example', 'Reminder: the security questionnaire for Northwind Contact Centre is waiting'],
      ['vera@northwind.example', 'Reminder: the security questionnaire for Northwind Contact Centre is waiting'],
    ]);
    expect(chased[0]!.text).toContain(`${BASE}/assessments/${assessmentId}`);
    expect(chased[1]!.text).toMatch(new RegExp(`${BASE}/q/[A-Za-z0-9_-]{40,}`));
    expect(chased[1]!.text).toContain('it works until 2026-07-01');
    expect(chased[1]!.text).not.toContain(token);
    expect(chased.every((e) => e.status === 'held')).toBe(true);

    // The same hour again, and a restart a minute later: nothing new.
    await runAt(addHours(addDays(sentAt, 3), 1));
    await runAt(addHours(addDays(sentAt, 3), 2));
    expect(reminderEmails(db)).toHaveLength(2);

    // 7 days before the due date: to the vendor only, who can act on it.
    await runAt(new Date('2026-06-08T10:00:00Z'));
    expect(reminderEmails(db).slice(2).map((e) => [e.to, e.subject])).toEqual([['vera@northwind.example', 'Reminder: the security questionnaire for Northwind Contact Centre is due on 2026-06-15']]);

    // The server was down from the 8th to the 13th: back with 2 days left it sends "in 3 days" once, not a stale backlog.
    await runAt(new Date('2026-06-13T08:00:00Z'));
    await runAt(new Date('2026-06-13T09:00:00Z'));
    const countdown = reminderEmails(db).slice(3);
    expect(countdown).toHaveLength(1);
    expect(countdown[0]!.text).toContain('due on 2026-06-15, in 3 days');

    // Overdue: week 1 once, to the vendor and the assessor; week 2 once more.
    await runAt(new Date('2026-06-16T09:00:00Z'));
    await runAt(new Date('2026-06-20T09:00:00Z'));
    await runAt(new Date('2026-06-23T09:00:00Z'));
    const overdue = reminderEmails(db).slice(4);
    expect(overdue.map((e) => [e.to, e.subject])).toEqual([
      ['u-proc@tollgate.example', 'Overdue: the security questionnaire for Northwind Contact Centre was due on 2026-06-15'],
      ['vera@northwind.example', 'Overdue: the security questionnaire for Northwind Contact Centre was due on 2026-06-15'],
      ['u-proc@tollgate.example', 'Overdue: the security questionnaire for Northwind Contact Centre was due on 2026-06-15'],
      ['vera@northwind.example', 'Overdue: the security questionnaire for Northwind Contact Centre was due on 2026-06-15'],
    ]);
    expect(overdue[2]!.text).toContain('8 days ago');

    const keys = db.select({ key: remindersSent.key }).from(remindersSent).orderBy(asc(remindersSent.sentAt)).all().map((r) => r.key);
    expect(keys).toEqual([
      expect.stringMatching(/^link-not-opened-3d:\d+$/),
      `questionnaire-due-7d:${assessmentId}:2026-06-15`,
      `questionnaire-due-3d:${assessmentId}:2026-06-15`,
      `questionnaire-overdue:${assessmentId}:2026-06-15:w1`,
      `questionnaire-overdue:${assessmentId}:2026-06-15:w2`,
    ]);
  });

  it('stops chasing once the vendor has opened the link', async () => {
    const { db, as, runAt } = setup();
    const sentAt = new Date('2026-06-01T09:00:00Z');
    const { assessmentId } = await sentQuestionnaire(db, as, sentAt, '2026-07-30');
    db.update(assessments).set({ status: 'in_progress' }).where(eq(assessments.id, assessmentId)).run();
    db.update(shareLinks).set({ openCount: 1, lastOpenedAt: addDays(sentAt, 1) }).where(eq(shareLinks.assessmentId, assessmentId)).run();
    await runAt(addDays(sentAt, 4));
    expect(reminderEmails(db)).toEqual([]);
  });
});

/** A vendor assessed on NOW with two failed controls: two tasks, the second owned by the procurement user. */
function assessedVendor(db: Db) {
  const vendorId = createVendor(db, { name: 'Contoso Payroll', holdings: [{ category: 'contact.email', records: 5000 }] });
  const assessmentId = completeAssessment(db, vendorId, { exceptions: { 'IAM-01': 'no', 'IAM-02': 'no' } });
  db.update(assessments).set({ assessorId: procurement.id }).where(eq(assessments.id, assessmentId)).run();
  const tasks = db.select().from(remediationTasks).where(eq(remediationTasks.assessmentId, assessmentId)).orderBy(asc(remediationTasks.id)).all();
  expect(tasks.length).toBeGreaterThanOrEqual(2);
  return { vendorId, assessmentId, tasks };
}

describe('reminders for tasks, accepted risks and re-assessments', () => {
  it('tells the task owner 7 days before a task is due and every week it is overdue, with the page to act on', async () => {
    const { db, runAt } = setup();
    const { tasks } = assessedVendor(db);
    const task = tasks[0]!;
    db.update(remediationTasks).set({ ownerId: admin.id }).where(eq(remediationTasks.id, task.id)).run();
    // Every other task is closed, so this one speaks alone.
    for (const t of tasks.slice(1)) db.update(remediationTasks).set({ status: 'closed' }).where(eq(remediationTasks.id, t.id)).run();
    const due = new Date(`${task.dueDate}T09:00:00Z`);

    await runAt(addDays(due, -8));
    expect(reminderEmails(db)).toEqual([]);
    await runAt(addDays(due, -7));
    await runAt(addDays(due, -6));
    const reminders = reminderEmails(db);
    expect(reminders.map((e) => [e.to, e.subject])).toEqual([['u-admin@tollgate.example', `Reminder: a remediation task for Contoso Payroll is due on ${task.dueDate}`]]);
    expect(reminders[0]!.text).toContain(`${task.controlId} `);
    // The link opens the task itself, where the owner acts on it.
    expect(reminders[0]!.text).toContain(`${BASE}/tasks/${task.id}`);

    await runAt(addDays(due, 1));
    await runAt(addDays(due, 3));
    expect(reminderEmails(db).slice(1).map((e) => e.subject)).toEqual([`Overdue: a remediation task for Contoso Payroll was due on ${task.dueDate}`]);
  });

  it('warns the CISO who accepted a risk 14 days before the acceptance ends', async () => {
    const { db, runAt } = setup();
    const { tasks } = assessedVendor(db);
    for (const t of tasks) db.update(remediationTasks).set({ status: 'closed' }).where(eq(remediationTasks.id, t.id)).run();
    db.update(remediationTasks).set({ status: 'risk_accepted', acceptedBy: ciso.id, acceptanceJustification: 'Compensating control in place', acceptanceExpiresOn: '2026-09-30' }).where(eq(remediationTasks.id, tasks[0]!.id)).run();
    await runAt(new Date('2026-09-15T09:00:00Z'));
    expect(reminderEmails(db)).toEqual([]);
    await runAt(new Date('2026-09-16T09:00:00Z'));
    await runAt(new Date('2026-09-20T09:00:00Z'));
    const sent = reminderEmails(db);
    expect(sent.map((e) => [e.to, e.subject])).toEqual([['u-ciso@tollgate.example', 'An accepted risk for Contoso Payroll ends on 2026-09-30']]);
  });

  it('tells the vendor’s assessor 30 days before its re-assessment is due, following the cadence setting', async () => {
    const { db, as, runAt } = setup();
    const { tasks } = assessedVendor(db);
    for (const t of tasks) db.update(remediationTasks).set({ status: 'closed' }).where(eq(remediationTasks.id, t.id)).run();
    // Every tier every 6 months: assessed 2026-06-15 09:00, so due 2026-12-15, reminded from 2026-11-15.
    await as(admin).reminders.updateCadence({ 1: 6, 2: 6, 3: 6, 4: 6 });
    await runAt(new Date('2026-11-14T09:00:00Z'));
    expect(reminderEmails(db)).toEqual([]);
    await runAt(new Date('2026-11-15T09:00:00Z'));
    await runAt(new Date('2026-11-20T09:00:00Z'));
    const sent = reminderEmails(db);
    expect(sent.map((e) => [e.to, e.subject])).toEqual([['u-proc@tollgate.example', 'Contoso Payroll is due for re-assessment on 2026-12-15']]);
    expect(sent[0]!.text).toMatch(new RegExp(`${BASE}/vendors/\\d+`));
  });

  it('sends nothing of a kind an administrator turned off, and that change is audited', async () => {
    const { db, as, runAt } = setup();
    const { tasks } = assessedVendor(db);
    const due = new Date(`${tasks[0]!.dueDate}T09:00:00Z`);
    const kinds = (await as(admin).reminders.settings()).kinds;
    await as(admin).reminders.updateKinds({ ...kinds, task_due: false, task_overdue: false });
    await runAt(addDays(due, -7));
    await runAt(addDays(due, 2));
    expect(reminderEmails(db)).toEqual([]);
    expect(db.select().from(remindersSent).all()).toEqual([]);
    const audit = db.select().from(auditEvents).where(eq(auditEvents.action, 'settings.reminders.update')).get();
    expect(audit?.actorId).toBe(admin.id);
    expect(audit?.after).toMatchObject({ task_due: false, task_overdue: false, reassessment_due: true });

    // Turned back on within the overdue week: that week's reminder goes out once.
    await as(admin).reminders.updateKinds({ ...kinds });
    await runAt(addDays(due, 3));
    expect(reminderEmails(db).filter((e) => e.subject.startsWith('Overdue: a remediation task')).length).toBeGreaterThan(0);
    expect(reminderEmails(db).some((e) => e.subject.startsWith('Reminder: a remediation task'))).toBe(false);
  });
});

describe('re-assessment cadence and lists', () => {
  it('moves every assessed vendor’s due date when the cadence changes, and lists vendors overdue and due soon', async () => {
    const { db, as } = setup();
    const { vendorId } = assessedVendor(db);
    const never = createVendor(db, { name: 'Fabrikam Print' });
    const tier = db.select({ tier: vendorRisk.tier }).from(vendorRisk).where(eq(vendorRisk.vendorId, vendorId)).get()!.tier;

    await as(admin).reminders.updateCadence({ 1: 6, 2: 6, 3: 6, 4: 6 });
    expect(db.select({ at: vendorRisk.assessmentExpiresAt }).from(vendorRisk).where(eq(vendorRisk.vendorId, vendorId)).get()!.at).toEqual(new Date('2026-12-15T09:00:00Z'));

    const dueSoon = await as(auditor, new Date('2026-11-20T09:00:00Z')).reminders.reassessments({ standing: 'due_soon' });
    expect(dueSoon.vendors.map((v) => [v.vendorName, v.tier, v.dueOn, v.daysLeft])).toEqual([['Contoso Payroll', tier, '2026-12-15', 25]]);
    expect(dueSoon.counts).toEqual({ overdue: 0, due_soon: 1, never_assessed: 1 });
    // The dashboard's figures count the same vendors as the lists they link to.
    expect((await as(auditor, new Date('2026-11-20T09:00:00Z')).dashboard.keyFigures({ filters: {} })).reassessments).toEqual({ overdue: 0, dueSoon: 1 });
    expect((await as(auditor, new Date('2026-11-14T09:00:00Z')).dashboard.keyFigures({ filters: {} })).reassessments).toEqual({ overdue: 0, dueSoon: 0 });
    expect((await as(auditor, new Date('2026-12-15T09:00:00Z')).dashboard.keyFigures({ filters: {} })).reassessments).toEqual({ overdue: 1, dueSoon: 0 });

    // Overdue from the very moment the assessment expires, as the vendor's risk shows it as not assessed.
    const overdue = await as(procurement, new Date('2026-12-15T09:00:00Z')).reminders.reassessments({ standing: 'overdue' });
    expect(overdue.vendors.map((v) => v.vendorName)).toEqual(['Contoso Payroll']);
    const neverList = await as(procurement).reminders.reassessments({ standing: 'never_assessed' });
    expect(neverList.vendors.map((v) => v.vendorId)).toEqual([never]);
  });

  it('refuses a cadence that breaks the rules, naming the tier, and keeps the old one', async () => {
    const { db, as } = setup();
    await expect(as(admin).reminders.updateCadence({ 1: 24, 2: 12, 3: 24, 4: 36 })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('Tier 1') });
    await expect(as(admin).reminders.updateCadence({ 1: 1, 2: 12, 3: 24, 4: 36 })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('3 months') });
    expect((await as(admin).reminders.settings()).cadence).toEqual({ 1: 12, 2: 12, 3: 24, 4: 36 });
    expect(db.select().from(auditEvents).where(like(auditEvents.action, 'settings.cadence%')).all()).toEqual([]);
  });
});

describe('needs my attention', () => {
  it('shows each person what waits on them, and an auditor nothing', async () => {
    const { db, as } = setup();
    const { tasks, vendorId } = assessedVendor(db);
    db.update(remediationTasks).set({ status: 'ready_for_verification' }).where(eq(remediationTasks.id, tasks[0]!.id)).run();
    db.update(remediationTasks).set({ status: 'risk_accepted', acceptedBy: ciso.id, acceptanceExpiresOn: '2026-06-20' }).where(eq(remediationTasks.id, tasks[1]!.id)).run();
    const submitted = db
      .insert(assessments)
      .values({ vendorId, templateVersionId: latestPublishedVersion(db, 'lite').id, status: 'submitted', assessorId: procurement.id, submittedAt: NOW })
      .returning()
      .get().id;
    db.insert(answers).values([
      { assessmentId: submitted, controlId: 'IAM-01', value: 'yes' },
      { assessmentId: submitted, controlId: 'IAM-02', value: 'no' },
    ]).run();

    const mine = await as(procurement).reminders.attention();
    expect(mine.items.map((i) => [i.kind, i.vendorName, i.count])).toEqual(
      expect.arrayContaining([
        ['task_to_verify', 'Contoso Payroll', null],
        ['answers_to_review', 'Contoso Payroll', 2],
      ]),
    );
    expect(mine.counts.task_to_verify).toBe(1);
    expect(mine.items.find((i) => i.kind === 'task_to_verify')?.controlId).toBe(tasks[0]!.controlId);

    const cisoList = await as(ciso).reminders.attention();
    expect(cisoList.items.map((i) => [i.kind, i.date, i.daysLeft])).toEqual([['risk_expiring', '2026-06-20', 5]]);
    expect(cisoList.total).toBe(1);

    expect(await as(auditor).reminders.attention()).toMatchObject({ total: 0, items: [] });
  });

  it('40,000 overdue tasks: every one counted, the 100 most urgent of each kind listed, as from the whole portfolio', async () => {
    const { db, as } = setup();
    const { tasks } = assessedVendor(db);
    const model = tasks[0]!;
    // Due dates from 2025-01-01 over 600 days: most before NOW (2026-06-15), the rest not yet due. Nobody owns them,
    // so they wait on everyone who could act on them; one in ten is the administrator's own.
    const rows = Array.from({ length: 40_000 }, (_, i) => ({
      vendorId: model.vendorId,
      assessmentId: model.assessmentId,
      controlId: `BULK-${i}`,
      severity: model.severity,
      reasons: model.reasons,
      dueDate: toIsoDate(addDays(new Date('2025-01-01T00:00:00Z'), i % 600)),
      ownerId: i % 10 === 0 ? admin.id : null,
    }));
    db.transaction((tx) => {
      for (let i = 0; i < rows.length; i += 1000) tx.insert(remediationTasks).values(rows.slice(i, i + 1000)).run();
    });

    for (const at of [NOW, addDays(NOW, 60)]) {
      for (const user of [procurement, admin, ciso]) {
        const list = await as(user, at).reminders.attention();
        const whole = needsMyAttention(user.id, loadRemediationState(db), at, getCadence(db));
        expect(list.counts).toEqual(whole.counts);
        expect(list.total).toBe(whole.total);
        const mostUrgent = ATTENTION_KINDS.flatMap((kind) => whole.items.filter((i) => i.kind === kind).slice(0, ATTENTION_LISTED_PER_KIND));
        expect(list.items.map((i) => i.key).sort()).toEqual(mostUrgent.map((i) => i.key).sort());
        expect(list.items.map((i) => [i.key, i.daysLeft])).toEqual(whole.items.filter((i) => mostUrgent.includes(i)).map((i) => [i.key, i.daysLeft]));
      }
    }
    const mine = await as(procurement).reminders.attention();
    expect(mine.counts.task_overdue).toBeGreaterThan(30_000);
    const overdue = mine.items.filter((i) => i.kind === 'task_overdue');
    expect(overdue).toHaveLength(ATTENTION_LISTED_PER_KIND);
    // The tasks due on 2025-01-01 are all the administrator's own (every 600th is a tenth).
    expect(overdue[0]).toMatchObject({ date: '2025-01-02', controlId: expect.stringMatching(/^BULK-/), vendorName: 'Contoso Payroll' });
    expect(overdue.map((i) => i.date)).toEqual(overdue.map((i) => i.date).sort());
  });
});

describe('over HTTP', () => {
  it('a vendor reminder carries a link that opens the questionnaire, stored only as a hash, audited, and ended with the link', async () => {
    const { db, as, runAt } = setup();
    const sentAt = new Date('2026-06-01T09:00:00Z');
    const { assessmentId } = await sentQuestionnaire(db, as, sentAt, '2026-06-15');
    const day3 = addHours(addDays(sentAt, 3), 1);
    await runAt(day3);
    const [toVendor] = reminderEmails(db).filter((e) => e.to === 'vera@northwind.example');
    const url = /https:\/\/tollgate\.example(\/q\/[A-Za-z0-9_-]+)/.exec(toVendor!.text)!;
    const token = url[1]!.slice(3);
    // Neither the token nor anything it could be rebuilt from is kept: only its SHA-256.
    const stored = db.select().from(shareLinkTokens).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(db.select().from(auditEvents).all())).not.toContain(token);
    const issued = db.select().from(auditEvents).where(eq(auditEvents.action, 'share_link.reminder_link')).all();
    expect(issued.map((e) => [e.actorType, e.targetId, (e.after as { recipientEmail: string }).recipientEmail])).toEqual([['system', String(assessmentId), 'vera@northwind.example']]);

    let at = day3;
    const server = await startTestServer(db, { now: () => at });
    try {
      const vendor = linkClient(server.base);
      const opened = await vendor.openLink(`${server.base}${url[1]}`);
      expect(opened.status).toBe(303);
      const gate = await vendor.portal(opened.cookie, 'overview');
      expect(gate.status).toBe(200);
      expect(JSON.stringify(gate.data)).toContain('Northwind Contact Centre');
      const [open] = db.select().from(auditEvents).where(eq(auditEvents.action, 'share_link.open')).all();
      expect(open!.after).toMatchObject({ via: 'reminder' });

      // Revoking the link ends the reminder's copy too.
      const [link] = db.select({ id: shareLinks.id }).from(shareLinks).all();
      await as(procurement, day3).assessments.revokeShareLink({ linkId: link!.id });
      expect((await vendor.portal(opened.cookie, 'overview')).status).toBe(401);
      const again = await vendor.openLink(`${server.base}${url[1]}`);
      expect(again.status).toBe(410);
      expect(again.html).toContain('withdrawn');
      // A made-up token in the same shape opens nothing.
      at = addDays(day3, 1);
      expect((await vendor.openLink(`${server.base}/q/${'A'.repeat(token.length)}`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('gives a signed-in assessor their own list and the re-assessment lists, refuses a bad standing clearly, and keeps settings to administrators', async () => {
    const { db } = setup();
    const server = await startTestServer(db, { now: () => NOW });
    try {
      const assessor = await createUserWithPassword(server.auth, 'procurement', 'pat.assessor@tollgate.example');
      const vendorId = createVendor(db, { name: 'Litware Logistics' });
      db.insert(assessments)
        .values({ vendorId, templateVersionId: latestPublishedVersion(db, 'lite').id, status: 'sent', dueDate: '2026-06-01', assessorId: assessor.id, sentAt: new Date('2026-05-01T09:00:00Z') })
        .run();
      const client = new StaffClient(server.base);
      expect((await client.signIn(assessor.email)).status).toBe(200);

      const attention = await client.trpcQuery<{ total: number; items: { kind: string; vendorName: string; daysLeft: number }[] }>('reminders.attention');
      expect(attention.status).toBe(200);
      expect(attention.data?.items).toEqual([expect.objectContaining({ kind: 'questionnaire_overdue', vendorName: 'Litware Logistics', daysLeft: -14 })]);

      const never = await client.trpcQuery<{ vendors: { vendorName: string }[] }>('reminders.reassessments', { standing: 'never_assessed' });
      expect(never.data?.vendors.map((v) => v.vendorName)).toEqual(['Litware Logistics']);
      const bad = await client.trpcQuery('reminders.reassessments', { standing: 'someday' });
      expect(bad.status).toBe(400);
      expect(bad.error?.message).toContain('Choose overdue, due soon or never assessed');

      const settings = await client.trpcMutation('reminders.updateKinds', { ...DEFAULT_REMINDER_SETTINGS, task_due: false });
      expect(settings.status).toBe(403);
      expect((await new StaffClient(server.base).trpcQuery('reminders.attention')).status).toBe(401);
    } finally {
      await server.close();
    }
  });
});
