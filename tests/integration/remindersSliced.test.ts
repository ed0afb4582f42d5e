/**
 * The reminders' job reads the portfolio a slice of vendors at a time
 * (ADR 0038). On a real SQLite file with a portfolio spanning several
 * slices (two vendors a slice here): the slices' schedules together are the
 * whole portfolio's schedule, at every moment tried; the sliced job sends
 * exactly that, once each; and a run stopped after its first slice, then
 * restarted, sends exactly the rest.
 */
import { addDays } from 'date-fns';
import { asc, eq, sum } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { remindersDue, type Reminder } from '#shared/remediation/reminders.ts';
import { assessments, emailOutbox, remediationTasks, remindersSent, shareLinks } from '../../drizzle/schema/index.ts';
import { useAuditKey } from '../../server/platform/audit/auditTrail.ts';
import { openDatabase, type Db } from '../../server/platform/db/database.ts';
import { sendDueReminders, sendReminderStep, unsentReminders } from '../../server/reminders/scheduler.ts';
import { loadRemediationSlice, loadRemediationState } from '../../server/reminders/state.ts';
import { latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import { completeAssessment, createUser, createVendor, NOW } from '../helpers/factories.ts';
import { createTestDatabase, TEST_AUDIT_KEY } from '../helpers/testDatabase.ts';

const SLICE = 2;
const deps = { publicUrl: 'https://tollgate.example', mail: { smtpUrl: null } };

/**
 * Nine vendors of every kind the schedule looks at: assessed ones with open tasks (one task accepted as a risk),
 * one archived, ones with a questionnaire out whose link nobody opened, one never assessed; assessors differ.
 */
function portfolio(db: Db) {
  createUser(db, 'u-proc', 'procurement');
  createUser(db, 'u-admin', 'admin');
  createUser(db, 'u-ciso', 'ciso');
  const lite = latestPublishedVersion(db, 'lite').id;
  for (let i = 1; i <= 9; i++) {
    const vendorId = createVendor(db, { name: `Vendor ${i}`, status: i === 4 ? 'archived' : 'active', criticality: ((i % 5) + 1) as 1 | 2 | 3 | 4 | 5 });
    if (i === 9) continue;
    if (i % 3 !== 0) {
      const assessmentId = completeAssessment(db, vendorId, { exceptions: { 'IAM-01': 'no', 'IAM-02': 'no', 'IAM-03': 'no' }, completedAt: addDays(NOW, -i * 20) });
      db.update(assessments).set({ assessorId: i % 2 ? 'u-proc' : 'u-admin' }).where(eq(assessments.id, assessmentId)).run();
      if (i === 2) {
        const first = db.select({ id: remediationTasks.id }).from(remediationTasks).where(eq(remediationTasks.assessmentId, assessmentId)).orderBy(asc(remediationTasks.id)).get()!;
        db.update(remediationTasks).set({ status: 'risk_accepted', acceptedBy: 'u-ciso', acceptedAt: NOW, acceptanceExpiresOn: '2026-10-01' }).where(eq(remediationTasks.id, first.id)).run();
      }
    }
    if (i % 3 === 0 || i === 5) {
      const assessmentId = db.insert(assessments).values({ vendorId, templateVersionId: lite, status: 'sent', sentAt: NOW, dueDate: '2026-07-15', assessorId: 'u-proc' }).returning().get().id;
      db.insert(shareLinks)
        .values({ assessmentId, tokenHash: `hash-${i}`, recipientName: `Contact ${i}`, recipientEmail: `contact@vendor${i}.example`, expiresAt: new Date('2026-12-31T00:00:00Z'), createdAt: NOW })
        .run();
    }
  }
}

/** The schedule at `now` computed slice by slice, as the job reads it, in key order. */
function slicedSchedule(db: Db, now: Date): Reminder[] {
  const out: Reminder[] = [];
  let slices = 0;
  for (let slice = loadRemediationSlice(db, 0, SLICE); slice; slice = loadRemediationSlice(db, slice.range.throughId, SLICE)) {
    out.push(...remindersDue(slice.state, now));
    slices += 1;
  }
  // Nine vendors, two a slice.
  expect(slices).toBe(5);
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const recordedKeys = (db: Db) =>
  db
    .select({ key: remindersSent.key })
    .from(remindersSent)
    .orderBy(asc(remindersSent.key))
    .all()
    .map((r) => r.key);

describe('the reminders, a slice of vendors at a time', () => {
  it('computes the same schedule slice by slice as over the whole portfolio', () => {
    const { db } = createTestDatabase();
    portfolio(db);
    const kinds = new Set<string>();
    const vendorsReminded = new Set<number>();
    for (const days of [0, 4, 12, 29, 60, 100, 95, 140, 200, 330, 400]) {
      const now = addDays(NOW, days);
      const whole = remindersDue(loadRemediationState(db), now);
      expect(slicedSchedule(db, now)).toEqual(whole);
      for (const r of whole) {
        kinds.add(r.kind);
        vendorsReminded.add(r.vendorId);
      }
    }
    // The comparison means something: reminders of most kinds, for vendors in every slice but the archived one's.
    expect(kinds.size).toBeGreaterThanOrEqual(5);
    expect(vendorsReminded.size).toBeGreaterThanOrEqual(6);
  });

  it('sends exactly the whole schedule once, and a run stopped between slices resumes after a restart', () => {
    const { db, file } = createTestDatabase();
    portfolio(db);

    const first = addDays(NOW, 4);
    const due = unsentReminders(db, first).map((r) => r.key);
    expect(due.length).toBeGreaterThan(3);
    expect(sendDueReminders(db, deps, first, Number.MAX_SAFE_INTEGER, {}, SLICE)).toBe(due.length);
    expect(recordedKeys(db)).toEqual([...due].sort());
    expect(sendDueReminders(db, deps, first, Number.MAX_SAFE_INTEGER, {}, SLICE)).toBe(0);

    // A later run that stops after its first slice (the server shut down), then a restart: a new process has no cursor.
    const later = addDays(NOW, 100);
    const dueLater = unsentReminders(db, later).map((r) => r.key);
    const step = sendReminderStep(db, deps, later, 100, {}, SLICE);
    expect(step.more).toBe(true);
    expect(step.done).toBeLessThan(dueLater.length);
    const restarted = openDatabase(file);
    useAuditKey(restarted, TEST_AUDIT_KEY);
    expect(sendDueReminders(restarted, deps, later, Number.MAX_SAFE_INTEGER, {}, SLICE)).toBe(dueLater.length - step.done);
    expect(recordedKeys(db)).toEqual([...due, ...dueLater].sort());
    expect(unsentReminders(db, later)).toEqual([]);
    // Every email each reminder recorded is in the Outbox once (no other mail is sent here).
    const emails = Number(db.select({ n: sum(remindersSent.emails) }).from(remindersSent).get()!.n);
    expect(db.select().from(emailOutbox).all()).toHaveLength(emails);
    restarted.$client.close();
  });
});
