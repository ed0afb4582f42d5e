/**
 * docs/scoring.md section 14: the engine of shared/scoring run through the
 * remediation overlay. Every expected number was worked out by hand in
 * that section, not by running the engine.
 */
import { describe, expect, it } from 'vitest';
import { scoreWithRemediation, type OverlayTask } from '#shared/remediation/riskOverlay.ts';
import type { TaskLifecycleStatus } from '#shared/remediation/taskLifecycle.ts';
import { isLiteControl } from '#shared/catalogue/templates.ts';
import { CORE_CONTROLS, contactCentreAnswers, contactCentreProfile } from '../scoring/examples.ts';

const ASSESSMENT = 31;
const vendor = { ...contactCentreProfile, controls: CORE_CONTROLS, answers: contactCentreAnswers };
const NINE = ['IAM-01', 'IAM-04', 'REC-01', 'REC-02', 'DAT-01', 'DAT-04', 'INT-02', 'DET-02', 'REC-06'];
const CISO = { userId: 'u-ciso', name: 'Rana Okafor' };

/** The nine tasks of section 9, open unless given another status. */
function tasks(statuses: Record<string, TaskLifecycleStatus> = {}, extra: Partial<OverlayTask> = {}): OverlayTask[] {
  return NINE.map((controlId, i) => ({ id: 100 + i, assessmentId: ASSESSMENT, controlId, status: statuses[controlId] ?? 'open', ...extra }));
}
const position = (r: ReturnType<typeof scoreWithRemediation>['current']) => ({ score: r.score, grade: r.grade, likelihood: r.likelihood.likelihood, residual: r.residual, band: r.band });
const NOW = new Date('2026-07-01T09:00:00Z');

describe('section 14.1: three verified doors', () => {
  it('before anything is verified: section 9 as it was (74.4, F, 5, 25 critical; projected 5 medium)', () => {
    const r = scoreWithRemediation(vendor, ASSESSMENT, tasks(), NOW);
    expect(position(r.current)).toEqual({ score: 74.4, grade: 'F', likelihood: 5, residual: 25, band: 'critical' });
    expect(r.projected).toEqual({ score: 100, grade: 'A', likelihood: 1, residual: 5, band: 'medium' });
  });

  it('IAM-01 verified: 79.5, still F (REC-01 and INT-02 fail), likelihood and residual stay at 5 and 25', () => {
    const r = scoreWithRemediation(vendor, ASSESSMENT, tasks({ 'IAM-01': 'closed' }), NOW);
    expect(r.current.score).toBe(79.5);
    expect(r.current.uncappedGrade).toBe('C');
    expect(r.current.criticalFailures).toEqual(['REC-01', 'INT-02']);
    expect(r.current.likelihood).toMatchObject({ fromScore: 3, doorFailures: ['REC-01', 'INT-02'], socialEngineeringUplift: true, likelihood: 5 });
    expect(position(r.current)).toEqual({ score: 79.5, grade: 'F', likelihood: 5, residual: 25, band: 'critical' });
    expect(r.projected).toEqual({ score: 100, grade: 'A', likelihood: 1, residual: 5, band: 'medium' });
    expect(r.overlay.verifiedControls).toEqual(['IAM-01']);
  });

  it('REC-01 verified too: 84.6, D (INT-02 is still a door), likelihood 5 (the floor 4 plus the contact-centre step), residual 25 critical', () => {
    const r = scoreWithRemediation(vendor, ASSESSMENT, tasks({ 'IAM-01': 'closed', 'REC-01': 'closed' }), NOW);
    expect(r.current.uncappedGrade).toBe('B');
    expect(r.current.criticalFailures).toEqual(['INT-02']);
    expect(r.current.likelihood).toMatchObject({ fromScore: 2, doorFailures: ['INT-02'], socialEngineeringUplift: true, likelihood: 5 });
    expect(position(r.current)).toEqual({ score: 84.6, grade: 'D', likelihood: 5, residual: 25, band: 'critical' });
    expect(r.projected).toEqual({ score: 100, grade: 'A', likelihood: 1, residual: 5, band: 'medium' });
  });

  it('INT-02 verified too: 87.2, B, likelihood 3 (2 plus the contact-centre step), residual 15 high', () => {
    const r = scoreWithRemediation(vendor, ASSESSMENT, tasks({ 'IAM-01': 'closed', 'REC-01': 'closed', 'INT-02': 'closed' }), NOW);
    expect(r.current.criticalFailures).toEqual([]);
    expect(r.current.likelihood).toMatchObject({ fromScore: 2, doorFailures: [], socialEngineeringUplift: true, likelihood: 3 });
    expect(position(r.current)).toEqual({ score: 87.2, grade: 'B', likelihood: 3, residual: 15, band: 'high' });
    expect(r.projected).toEqual({ score: 100, grade: 'A', likelihood: 1, residual: 5, band: 'medium' });
  });
});

describe('section 14.2: an accepted risk', () => {
  const accepted = (now: Date) =>
    scoreWithRemediation(
      vendor,
      ASSESSMENT,
      tasks({ 'IAM-01': 'closed', 'REC-01': 'closed', 'INT-02': 'closed', 'REC-06': 'risk_accepted' }).map((t) =>
        t.controlId === 'REC-06'
          ? { ...t, acceptedBy: CISO, acceptedAt: NOW, acceptanceJustification: 'Vishing training is booked for the next quarter.', acceptanceExpiresOn: '2027-01-01' }
          : t,
      ),
      now,
    );

  it('changes nothing in the current position: 87.2, B, 3, 15 high', () => {
    expect(position(accepted(NOW).current)).toEqual({ score: 87.2, grade: 'B', likelihood: 3, residual: 15, band: 'high' });
  });

  it('is shown: by whom, why, until when', () => {
    expect(accepted(NOW).overlay.acceptedRisks).toEqual([
      { taskId: 108, controlId: 'REC-06', acceptedBy: CISO, acceptedAt: NOW, justification: 'Vishing training is booked for the next quarter.', expiresOn: '2027-01-01' },
    ]);
  });

  it('keeps the projection at 98.7, A, likelihood 2 (the uplift stays), residual 10 high', () => {
    const r = accepted(NOW);
    expect(r.projected).toEqual({ score: 98.7, grade: 'A', likelihood: 2, residual: 10, band: 'high' });
    expect(r.current.projected).toEqual(r.projected);
    expect(r.overlay.openControls).toEqual(['DAT-01', 'DAT-04', 'DET-02', 'IAM-04', 'REC-02']);
  });

  it('from 2027-01-01 the acceptance has lapsed: the current position is the same, the projection back to 5 medium', () => {
    const r = accepted(new Date('2027-01-01T00:00:00Z'));
    expect(position(r.current)).toEqual({ score: 87.2, grade: 'B', likelihood: 3, residual: 15, band: 'high' });
    expect(r.overlay.acceptedRisks).toEqual([]);
    expect(r.overlay.lapsedAcceptances).toEqual(['REC-06']);
    expect(r.projected).toEqual({ score: 100, grade: 'A', likelihood: 1, residual: 5, band: 'medium' });
  });

  it('the day before it still holds', () => {
    expect(accepted(new Date('2026-12-31T23:59:59Z')).overlay.acceptedRisks.map((a) => a.controlId)).toEqual(['REC-06']);
  });
});

describe('section 14.3: one door verified, one risk accepted and reopened (the browser test’s vendor)', () => {
  const LITE = CORE_CONTROLS.filter(isLiteControl);
  const lockers = {
    services: ['logistics'] as const,
    access: 'none' as const,
    criticality: 3 as const,
    holdings: [{ category: 'contact.email' as const, subjects: 'customers' as const, records: 250_000, needed: true }],
    controls: LITE,
    answers: Object.fromEntries(LITE.map((c) => [c.id, { value: c.id === 'IAM-01' || c.id === 'IAM-03' ? ('no' as const) : ('yes' as const) }])),
  };
  const two = (iam01: TaskLifecycleStatus, iam03: TaskLifecycleStatus, acceptance: Partial<OverlayTask> = {}): OverlayTask[] => [
    { id: 1, assessmentId: ASSESSMENT, controlId: 'IAM-01', status: iam01 },
    { id: 2, assessmentId: ASSESSMENT, controlId: 'IAM-03', status: iam03, ...acceptance },
  ];
  const NOW_1 = new Date('2026-12-02T15:00:00Z');

  it('has the 15 Lite controls worth 80 points', () => {
    expect(LITE).toHaveLength(15);
  });

  it('after the review: 85.0, D (IAM-01 fails), likelihood 4 (the door floor), impact 3, residual 12 high; projected 3 low', () => {
    const r = scoreWithRemediation(lockers, ASSESSMENT, two('open', 'open'), NOW_1);
    expect(r.current.impact.impact).toBe(3);
    expect(position(r.current)).toEqual({ score: 85, grade: 'D', likelihood: 4, residual: 12, band: 'high' });
    expect(r.projected).toEqual({ score: 100, grade: 'A', likelihood: 1, residual: 3, band: 'low' });
  });

  it('IAM-01 verified: 95.0, A, likelihood 1, residual 3 low', () => {
    const r = scoreWithRemediation(lockers, ASSESSMENT, two('closed', 'open'), NOW_1);
    expect(position(r.current)).toEqual({ score: 95, grade: 'A', likelihood: 1, residual: 3, band: 'low' });
    expect(r.projected).toEqual({ score: 100, grade: 'A', likelihood: 1, residual: 3, band: 'low' });
  });

  it('IAM-03 accepted until tomorrow: nothing moves, the projection keeps IAM-03 failing; on the expiry date it is open again', () => {
    const acceptance = { acceptedBy: CISO, acceptanceExpiresOn: '2026-12-03' };
    const held = scoreWithRemediation(lockers, ASSESSMENT, two('closed', 'risk_accepted', acceptance), NOW_1);
    expect(position(held.current)).toEqual({ score: 95, grade: 'A', likelihood: 1, residual: 3, band: 'low' });
    expect(held.projected).toEqual({ score: 95, grade: 'A', likelihood: 1, residual: 3, band: 'low' });
    expect(held.overlay.acceptedRisks.map((a) => [a.controlId, a.acceptedBy?.name, a.expiresOn])).toEqual([['IAM-03', 'Rana Okafor', '2026-12-03']]);

    const lapsed = scoreWithRemediation(lockers, ASSESSMENT, two('closed', 'risk_accepted', acceptance), new Date('2026-12-03T00:30:00Z'));
    expect(position(lapsed.current)).toEqual({ score: 95, grade: 'A', likelihood: 1, residual: 3, band: 'low' });
    expect(lapsed.projected).toEqual({ score: 100, grade: 'A', likelihood: 1, residual: 3, band: 'low' });
    expect(lapsed.overlay.lapsedAcceptances).toEqual(['IAM-03']);
  });
});
