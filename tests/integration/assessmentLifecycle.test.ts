/**
 * The assessment lifecycle and the review through the routers, on a real
 * SQLite file: start, send, answer (through the vendor's link scope),
 * submit, review each answer, complete, compare with the previous one.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { answers, assessments, remediationTasks, riskSnapshots, users, vendorRisk } from '../../drizzle/schema/index.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { LinkScope, StaffUser } from '../../server/platform/callers.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { createCaller } from '../../server/router.ts';
import { completeAssessment, createVendor, NOW } from '../helpers/factories.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

let db: Db;
const proc: StaffUser = { id: 'u-proc', name: 'Pia', email: 'pia@tollgate.example', role: 'procurement' };
const staff = () => createCaller(createContextInner({ db, user: proc, now: () => NOW }));
const vendorSide = (assessmentId: number, shareLinkId = 1) => {
  const link: LinkScope = { shareLinkId, assessmentId, recipientName: 'Vince Vendor' };
  return createCaller(createContextInner({ db, link, now: () => NOW }));
};

beforeAll(() => {
  db = createTestDatabase().db;
  db.insert(users).values({ id: proc.id, name: proc.name, email: proc.email, role: 'procurement' }).run();
});

describe('starting an assessment', () => {
  it('picks Core for tiers 1-2 and Lite for tiers 3-4, and allows one open assessment per vendor', async () => {
    // 2,000,000 customer emails: sensitivity 1, band 5 -> impact 3; criticality 3 -> tier 3 -> Lite.
    const lite = createVendor(db, { name: 'Tier Three Mailer', holdings: [{ category: 'contact.email', records: 2_000_000 }] });
    // 20,000 passports: level 4, band 3 -> impact 4 -> tier 2 -> Core.
    const core = createVendor(db, { name: 'Tier Two Travel', holdings: [{ category: 'gov_id.passport', records: 20_000 }] });
    expect(await staff().assessments.start({ vendorId: lite, dueDate: '2026-07-31' })).toMatchObject({ templateKey: 'lite' });
    expect(await staff().assessments.start({ vendorId: core })).toMatchObject({ templateKey: 'core' });
    await expect(staff().assessments.start({ vendorId: lite })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already has an assessment in progress (draft)') });
    await expect(staff().assessments.start({ vendorId: core, dueDate: '2020-01-01' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses an illegal transition with a clear message, and a cancellation without a reason', async () => {
    const vendorId = createVendor(db, { name: 'Transition Vendor' });
    const { assessmentId } = await staff().assessments.start({ vendorId });
    await expect(staff().assessments.transition({ assessmentId, to: 'completed' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'An assessment that is draft cannot become completed.' });
    await expect(staff().assessments.transition({ assessmentId, to: 'in_review' })).rejects.toMatchObject({ message: 'An assessment that is draft cannot become in review.' });
    await expect(staff().assessments.transition({ assessmentId, to: 'cancelled' })).rejects.toMatchObject({ message: 'Say why the assessment is cancelled.' });
    await staff().assessments.transition({ assessmentId, to: 'cancelled', note: 'Contract not signed' });
    await expect(staff().assessments.transition({ assessmentId, to: 'sent' })).rejects.toMatchObject({ message: 'An assessment that is cancelled cannot become sent.' });
  });

  it('lets auditors read but not act', async () => {
    const auditor = createCaller(createContextInner({ db, user: { ...proc, id: 'u-aud', role: 'auditor' }, now: () => NOW }));
    expect((await auditor.assessments.list({})).total).toBeGreaterThan(0);
    await expect(auditor.assessments.start({ vendorId: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('reviewing and completing', () => {
  it('runs the whole review: reject counts as No, clarifications come back through the link, completion raises tasks and shows what changed', async () => {
    // 200 employee names, criticality 1: impact 1, tier 4, Lite (15 controls).
    const vendorId = createVendor(db, { name: 'Review Vendor', criticality: 1, holdings: [{ category: 'contact.name', subjects: 'employees', records: 200 }] });
    // A previous assessment a year ago where IAM-03 and DAT-04 failed.
    completeAssessment(db, vendorId, { template: 'lite', exceptions: { 'IAM-03': 'no', 'DAT-04': 'no' }, completedAt: new Date('2025-06-01T00:00:00Z') });

    const { assessmentId } = await staff().assessments.start({ vendorId });
    await staff().assessments.transition({ assessmentId, to: 'sent' });
    // A real link: the vendor's replies record which link they came through.
    const { linkId } = await staff().assessments.createShareLink({ assessmentId, recipientName: 'Vince Vendor', recipientEmail: 'vince@vendor.example' });
    const vendor = vendorSide(assessmentId, linkId);
    const questionnaire = await vendor.portal.questionnaire();
    const lite = questionnaire.controls.map((c) => c.id);
    expect(lite).toHaveLength(15);
    // A re-assessment starts from last year's answers: each save confirms or changes one (reassessment.test.ts covers the rest).
    const revisionOf = (id: string) => questionnaire.answers.find((a) => a.controlId === id)?.revision ?? 0;
    for (const id of lite) {
      const value = id === 'IAM-04' ? ('no' as const) : ('yes' as const);
      await vendor.portal.saveAnswer({ controlId: id, value, comment: '', baseRevision: revisionOf(id) });
    }
    await vendor.portal.submit({});
    await expect(staff().assessments.reviewAnswer({ assessmentId, controlId: 'IAM-01', decision: 'reject', note: 'No evidence' })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await staff().assessments.transition({ assessmentId, to: 'in_review' });

    // Lite weights: critical 8 x5 = 40, high 4 x10 = 40; total 80. IAM-04 No: 76/80 = 95.0 -> A.
    expect((await staff().assessments.review({ assessmentId })).preview).toMatchObject({ score: 95, grade: 'A', residual: 1, band: 'low' });
    await expect(staff().assessments.reviewAnswer({ assessmentId, controlId: 'IRN-01', decision: 'reject' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('Say why') });
    // Rejecting IRN-01 (critical, 8): 68/80 = 85.0, and one failed critical control caps the grade at D.
    await staff().assessments.reviewAnswer({ assessmentId, controlId: 'IRN-01', decision: 'reject', note: 'Contract says 72 hours, not 24' });
    expect((await staff().assessments.review({ assessmentId })).preview).toMatchObject({ score: 85, grade: 'D', criticalFailures: ['IRN-01'] });

    await staff().assessments.reviewAnswer({ assessmentId, controlId: 'REC-01', decision: 'clarify', note: 'Which callback number do you use?' });
    const seen = (await vendor.portal.questionnaire()).threads['REC-01'];
    expect(seen).toMatchObject({ reviewStatus: 'clarification_requested', waitingFor: 'vendor', canReply: true, messages: [{ kind: 'question', body: 'Which callback number do you use?' }] });
    await expect(staff().assessments.transition({ assessmentId, to: 'completed' })).rejects.toMatchObject({ message: '1 answer has an open question to the vendor: accept or reject it first.' });
    await vendor.portal.respondToClarification({ controlId: 'REC-01', response: 'The number in the HR system, never the caller’s' });
    await staff().assessments.reviewAnswer({ assessmentId, controlId: 'REC-01', decision: 'accept' });

    // 85.0 -> likelihood 2 (IRN-01 is not an identity or recovery control, so no floor); impact 1 -> residual 2, low.
    const done = await staff().assessments.transition({ assessmentId, to: 'completed' });
    expect(done).toMatchObject({ status: 'completed', tasks: 2, residual: 2, band: 'low', grade: 'D' });
    const tasks = db.select({ controlId: remediationTasks.controlId, severity: remediationTasks.severity, dueDate: remediationTasks.dueDate, status: remediationTasks.status }).from(remediationTasks).where(eq(remediationTasks.assessmentId, assessmentId)).all();
    // Impact 1: no uplift. IRN-01 critical -> 15 days; IAM-04 high -> 30 days from 2026-06-15.
    expect(tasks.sort((x, y) => x.controlId.localeCompare(y.controlId))).toEqual([
      { controlId: 'IAM-04', severity: 'high', dueDate: '2026-07-15', status: 'open' },
      { controlId: 'IRN-01', severity: 'critical', dueDate: '2026-06-30', status: 'open' },
    ]);
    // The earlier assessment's open tasks are settled: DAT-04 now met (closed), IAM-03 met too.
    const report = await staff().assessments.report({ assessmentId });
    expect(report.comparison).toMatchObject({ newlyFailing: [{ id: 'IRN-01' }, { id: 'IAM-04' }], fixed: [{ id: 'IAM-03' }, { id: 'DAT-04' }] });
    expect(report.comparison?.newlyFailing[1]?.name).toMatch(/^IAM-04 \S/);
    expect(report.failing.map((f) => [f.controlId, f.outcome])).toEqual([['IAM-04', 'not_met'], ['IRN-01', 'rejected']]);
    expect(report.failing[1]?.references.length).toBeGreaterThan(0);
    expect(db.select().from(vendorRisk).where(eq(vendorRisk.vendorId, vendorId)).get()).toMatchObject({ assessmentId, score: 85, grade: 'D', residual: 2 });
    expect(db.select().from(riskSnapshots).where(eq(riskSnapshots.assessmentId, assessmentId)).all()).toHaveLength(1);
    expect(db.select({ l: assessments.likelihood }).from(assessments).where(eq(assessments.id, assessmentId)).get()).toEqual({ l: 2 });
    expect(db.select().from(answers).where(eq(answers.assessmentId, assessmentId)).all()).toHaveLength(15);
  });

  it('gives no report before completion', async () => {
    const vendorId = createVendor(db, { name: 'No Report Yet' });
    const { assessmentId } = await staff().assessments.start({ vendorId });
    await expect(staff().assessments.report({ assessmentId })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  it('lists assessments with status, overdue and assessor filters', async () => {
    const vendorId = createVendor(db, { name: 'Overdue Vendor' });
    const { assessmentId } = await staff().assessments.start({ vendorId, dueDate: '2026-06-20' });
    const later = createCaller(createContextInner({ db, user: proc, now: () => new Date('2026-07-01T00:00:00Z') }));
    const overdue = await later.assessments.list({ overdue: true });
    expect(overdue.rows.map((r) => r.vendorName)).toContain('Overdue Vendor');
    expect(overdue.rows.find((r) => r.id === assessmentId)).toMatchObject({ overdue: true, answered: 0, total: 15, assessorName: 'Pia' });
    expect((await later.assessments.list({ status: ['completed'] })).rows.every((r) => r.status === 'completed')).toBe(true);
    expect((await later.assessments.list({ assessorId: 'nobody' })).total).toBe(0);

    // Every staff role can offer the assessors as a filter (names only), though only admins list accounts.
    db.insert(users).values({ id: 'u-idle', name: 'Ida Idle', email: 'ida@tollgate.example', role: 'procurement' }).run();
    const auditor = createCaller(createContextInner({ db, user: { id: 'u-aud', name: 'Aud', email: 'aud@tollgate.example', role: 'auditor' }, now: () => NOW }));
    expect(await auditor.assessments.assessors()).toEqual([{ id: proc.id, name: 'Pia' }]);
  });
});
