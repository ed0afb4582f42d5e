/**
 * The remediation overlay's rules (docs/scoring.md section 14) on generated
 * vendors: what verifying and accepting do, and what they never do.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { remediationOverlay, scoreWithRemediation, type OverlayTask } from '#shared/remediation/riskOverlay.ts';
import { TASK_LIFECYCLE_STATUSES, type TaskLifecycleStatus } from '#shared/remediation/taskLifecycle.ts';
import type { AnswerValue, Level } from '#shared/scoring/constants.ts';
import type { AnswerMap } from '#shared/scoring/controlScore.ts';
import { scoreVendor, type VendorScoreInput } from '#shared/scoring/scoreVendor.ts';
import { SERVICE_TYPES, ACCESS_LEVELS } from '#shared/taxonomy.ts';
import { airlineHoldings, CORE_CONTROLS } from '../scoring/examples.ts';

const ASSESSMENT = 5;
const NOW = new Date('2026-07-01T09:00:00Z');

const vendorArb: fc.Arbitrary<VendorScoreInput> = fc.record({
  services: fc.uniqueArray(fc.constantFrom(...SERVICE_TYPES), { maxLength: 3 }),
  access: fc.constantFrom(...ACCESS_LEVELS),
  criticality: fc.constantFrom<Level>(1, 2, 3, 4, 5),
  holdings: fc.constantFrom(airlineHoldings, []),
  controls: fc.constant(CORE_CONTROLS),
  answers: fc.tuple(...CORE_CONTROLS.map(() => fc.option(fc.constantFrom<AnswerValue>('yes', 'partial', 'no', 'na'), { nil: undefined }))).map((values) => {
    const map: Record<string, { value: AnswerValue }> = {};
    values.forEach((value, i) => {
      if (value) map[CORE_CONTROLS[i]!.id] = { value };
    });
    return map as AnswerMap;
  }),
});

/** One task per failing control of the vendor, each in a generated status; acceptances expire in the future unless `lapsed`. */
const withTasks = vendorArb.chain((vendor) => {
  const failing = scoreVendor(vendor).tasks.map((t) => t.controlId);
  return fc
    .tuple(...failing.map(() => fc.constantFrom<TaskLifecycleStatus>(...TASK_LIFECYCLE_STATUSES)), fc.boolean())
    .map((drawn) => {
      const lapsed = drawn.pop() as boolean;
      const statuses = drawn as TaskLifecycleStatus[];
      const tasks: OverlayTask[] = failing.map((controlId, i) => ({
        id: i + 1,
        assessmentId: ASSESSMENT,
        controlId,
        status: statuses[i]!,
        acceptanceExpiresOn: statuses[i] === 'risk_accepted' ? (lapsed ? '2026-06-30' : '2026-12-31') : null,
      }));
      return { vendor, tasks };
    });
});

const rank = { grade: (g: string) => ['A', 'B', 'C', 'D', 'F'].indexOf(g) };

describe('the remediation overlay', () => {
  it('ignores tasks raised by another assessment, whatever their status', () => {
    fc.assert(
      fc.property(withTasks, ({ vendor, tasks }) => {
        const elsewhere = tasks.map((t) => ({ ...t, assessmentId: ASSESSMENT + 1 }));
        const r = scoreWithRemediation(vendor, ASSESSMENT, elsewhere, NOW);
        const plain = scoreVendor(vendor);
        expect(r.current.residual).toBe(plain.residual);
        expect(r.current.score).toBe(plain.score);
        expect(r.overlay.acceptedRisks).toEqual([]);
      }),
    );
  });

  it('verifying a task never worsens the position, and accepting its risk never changes it', () => {
    fc.assert(
      fc.property(withTasks, fc.nat(), ({ vendor, tasks }, pick) => {
        if (tasks.length === 0) return;
        const i = pick % tasks.length;
        const as = (status: TaskLifecycleStatus) =>
          scoreWithRemediation(vendor, ASSESSMENT, tasks.map((t, j) => (j === i ? { ...t, status, acceptanceExpiresOn: '2026-12-31' } : t)), NOW).current;
        const open = as('open');
        const verified = as('closed');
        const accepted = as('risk_accepted');
        expect(verified.score).toBeGreaterThanOrEqual(open.score);
        expect(verified.residual).toBeLessThanOrEqual(open.residual);
        expect(verified.likelihood.likelihood).toBeLessThanOrEqual(open.likelihood.likelihood);
        expect(rank.grade(verified.grade)).toBeLessThanOrEqual(rank.grade(open.grade));
        expect([accepted.score, accepted.grade, accepted.residual]).toEqual([open.score, open.grade, open.residual]);
      }),
    );
  });

  it('projects no worse than the current position, and an acceptance in force keeps the projection where it would be with the control failing', () => {
    fc.assert(
      fc.property(withTasks, ({ vendor, tasks }) => {
        const r = scoreWithRemediation(vendor, ASSESSMENT, tasks, NOW);
        expect(r.projected.residual).toBeLessThanOrEqual(r.current.residual);
        expect(r.projected.score).toBeGreaterThanOrEqual(r.current.score);
        const asIfOpen = scoreWithRemediation(vendor, ASSESSMENT, tasks.map((t) => (t.status === 'risk_accepted' ? { ...t, status: 'open' as const } : t)), NOW);
        expect(r.projected.residual).toBeGreaterThanOrEqual(asIfOpen.projected.residual);
      }),
    );
  });

  it('treats an acceptance past its expiry as open, never as accepted', () => {
    fc.assert(
      fc.property(withTasks, ({ vendor, tasks }) => {
        const lapsed = tasks.map((t) => (t.status === 'risk_accepted' ? { ...t, acceptanceExpiresOn: '2026-07-01' } : t));
        const open = tasks.map((t) => (t.status === 'risk_accepted' ? { ...t, status: 'open' as const } : t));
        const a = scoreWithRemediation(vendor, ASSESSMENT, lapsed, NOW);
        const b = scoreWithRemediation(vendor, ASSESSMENT, open, NOW);
        expect(a.overlay.acceptedRisks).toEqual([]);
        expect(a.projected).toEqual(b.projected);
        expect(a.current.residual).toBe(b.current.residual);
      }),
    );
  });

  it('does not depend on the order of the tasks', () => {
    fc.assert(
      fc.property(withTasks, ({ vendor, tasks }) => {
        const forward = scoreWithRemediation(vendor, ASSESSMENT, tasks, NOW);
        const backward = scoreWithRemediation(vendor, ASSESSMENT, [...tasks].reverse(), NOW);
        expect(backward.overlay).toEqual(forward.overlay);
        expect(backward.projected).toEqual(forward.projected);
      }),
    );
  });

  it('a verified control counts as Yes even when its answer had been rejected or was an N/A the control does not allow', () => {
    const answers: AnswerMap = { 'IAM-01': { value: 'yes', rejected: true }, 'IAM-02': { value: 'na' } };
    const overlay = remediationOverlay({ id: ASSESSMENT, answers }, [
      { id: 1, assessmentId: ASSESSMENT, controlId: 'IAM-01', status: 'closed' },
      { id: 2, assessmentId: ASSESSMENT, controlId: 'IAM-02', status: 'closed' },
    ], NOW);
    expect(overlay.answers).toEqual({ 'IAM-01': { value: 'yes' }, 'IAM-02': { value: 'yes' } });
  });

  it('superseded tasks change nothing and are not open work', () => {
    const overlay = remediationOverlay({ id: ASSESSMENT, answers: { 'IAM-01': { value: 'no' } } }, [{ id: 1, assessmentId: ASSESSMENT, controlId: 'IAM-01', status: 'superseded' }], NOW);
    expect(overlay).toMatchObject({ answers: { 'IAM-01': { value: 'no' } }, projectedAnswers: { 'IAM-01': { value: 'no' } }, openControls: [], verifiedControls: [] });
  });

  it('leaves the assessment answers it was given untouched', () => {
    const answers = { 'IAM-01': { value: 'no' as const } };
    remediationOverlay({ id: ASSESSMENT, answers }, [{ id: 1, assessmentId: ASSESSMENT, controlId: 'IAM-01', status: 'closed' }], NOW);
    expect(answers).toEqual({ 'IAM-01': { value: 'no' } });
  });
});
