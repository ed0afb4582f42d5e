/**
 * "Needs my attention", per role: what lands on whose list, the counts
 * for the navigation badge, and where unowned work goes.
 */
import { describe, expect, it } from 'vitest';
import { needsMyAttention } from '#shared/remediation/attention.ts';
import { at, questionnaire, state, task, vendor } from './fixtures.ts';

const NOW = at('2026-07-10');

/** One of everything, owned by proc-1 (assessor and owner) and ciso-1 (acceptor). */
const everything = state({
  vendors: [vendor({ id: 1 }), vendor({ id: 2, lastCompletedAt: at('2025-06-01'), ownerId: 'proc-1' })],
  questionnaires: [
    questionnaire({ assessmentId: 10, status: 'completed', dueDate: '2026-05-01' }),
    questionnaire({ assessmentId: 11, status: 'in_review', answersAwaitingReview: 4, dueDate: '2026-06-20' }),
    questionnaire({ assessmentId: 12, status: 'in_progress', dueDate: '2026-07-01' }),
  ],
  tasks: [
    task({ id: 1, status: 'ready_for_verification', dueDate: '2026-07-20' }),
    task({ id: 2, status: 'in_progress', dueDate: '2026-07-05' }),
    task({ id: 3, status: 'risk_accepted', acceptedBy: 'ciso-1', acceptedAt: at('2026-01-10'), acceptanceExpiresOn: '2026-07-20' }),
    task({ id: 4, status: 'open', dueDate: '2026-08-30' }),
  ],
});

describe('needs my attention', () => {
  it("an assessor's list: tasks to verify, answers to review, questionnaires and re-assessments overdue, own tasks overdue; most urgent first", () => {
    const list = needsMyAttention('proc-1', everything, NOW);
    expect(list.items.map((i) => [i.kind, i.key, i.date, i.daysLeft, i.count])).toEqual([
      ['reassessment_overdue', 'reassessment_overdue:vendor:2', '2026-06-01', -39, null],
      ['answers_to_review', 'answers_to_review:assessment:11', '2026-06-20', -20, 4],
      ['questionnaire_overdue', 'questionnaire_overdue:assessment:12', '2026-07-01', -9, null],
      ['task_overdue', 'task_overdue:task:2', '2026-07-05', -5, null],
      ['task_to_verify', 'task_to_verify:task:1', '2026-07-20', 10, null],
    ]);
    expect(list.counts).toEqual({ task_to_verify: 1, answers_to_review: 1, risk_expiring: 0, questionnaire_overdue: 1, reassessment_overdue: 1, task_overdue: 1 });
    expect(list.total).toBe(5);
  });

  it("a CISO's list: the risks they accepted that expire within 14 days", () => {
    const list = needsMyAttention('ciso-1', everything, NOW);
    expect(list.items).toEqual([
      { kind: 'risk_expiring', key: 'risk_expiring:task:3', vendorId: 1, assessmentId: 10, taskId: 3, date: '2026-07-20', daysLeft: 10, count: null },
    ]);
    expect(list.total).toBe(1);
    expect(needsMyAttention('ciso-1', everything, at('2026-07-05')).total).toBe(0);
  });

  it('another CISO does not see an acceptance that is not theirs, unless its CISO has left', () => {
    expect(needsMyAttention('ciso-2', everything, NOW).total).toBe(0);
    const left = state({ ...everything, tasks: [task({ id: 3, status: 'risk_accepted', acceptedBy: 'gone-1', acceptanceExpiresOn: '2026-07-20' })] });
    expect(needsMyAttention('ciso-2', left, NOW).items.map((i) => i.key)).toEqual(['risk_expiring:task:3']);
  });

  it('an auditor acts on nothing: empty list, zero counts', () => {
    const list = needsMyAttention('aud-1', everything, NOW);
    expect(list.items).toEqual([]);
    expect(list.total).toBe(0);
    expect(Object.values(list.counts).every((n) => n === 0)).toBe(true);
  });

  it('a deactivated or unknown user has nothing to do', () => {
    expect(needsMyAttention('gone-1', everything, NOW).total).toBe(0);
    expect(needsMyAttention('nobody', everything, NOW).total).toBe(0);
  });

  it("work named on someone else is not on my list; work whose people have left is on every assessor's", () => {
    expect(needsMyAttention('proc-2', everything, NOW).total).toBe(0);
    const orphaned = state({
      questionnaires: [questionnaire({ assessmentId: 10, status: 'submitted', assessorId: 'gone-1', answersAwaitingReview: 12 })],
      tasks: [task({ id: 1, status: 'ready_for_verification', ownerId: null })],
    });
    // The task's assessment has no live assessor and it has no owner: every admin and procurement user sees it.
    for (const user of ['admin-1', 'proc-1', 'proc-2']) {
      expect(needsMyAttention(user, orphaned, NOW).items.map((i) => i.key)).toEqual(['task_to_verify:task:1', 'answers_to_review:assessment:10']);
    }
    expect(needsMyAttention('ciso-1', orphaned, NOW).total).toBe(0);
  });

  it('who marked a task ready never sees it to verify; the other named person, or every other assessor, does', () => {
    const selfMarked = state({ questionnaires: [questionnaire({ status: 'completed', assessorId: 'proc-1' })], tasks: [task({ id: 1, status: 'ready_for_verification', ownerId: 'proc-1', readyByUserId: 'proc-1' })] });
    expect(needsMyAttention('proc-1', selfMarked, NOW).total).toBe(0);
    expect(needsMyAttention('proc-2', selfMarked, NOW).items.map((i) => i.kind)).toEqual(['task_to_verify']);
    expect(needsMyAttention('admin-1', selfMarked, NOW).items.map((i) => i.kind)).toEqual(['task_to_verify']);
    const ownerMarked = state({ questionnaires: [questionnaire({ status: 'completed', assessorId: 'proc-2' })], tasks: [task({ id: 1, status: 'ready_for_verification', ownerId: 'proc-1', readyByUserId: 'proc-1' })] });
    expect(needsMyAttention('proc-2', ownerMarked, NOW).total).toBe(1);
    expect(needsMyAttention('admin-1', ownerMarked, NOW).total).toBe(0);
  });

  it('a CISO who owns a task sees it when it is overdue', () => {
    const s = state({ tasks: [task({ id: 9, ownerId: 'ciso-1', dueDate: '2026-07-01' })] });
    expect(needsMyAttention('ciso-1', s, NOW).items.map((i) => i.key)).toEqual(['task_overdue:task:9']);
  });

  it('nothing for archived vendors, nor a re-assessment already under way, nor a vendor never assessed', () => {
    const s = state({
      vendors: [vendor({ id: 1, active: false }), vendor({ id: 2, lastCompletedAt: at('2025-01-01'), reassessmentOpen: true }), vendor({ id: 3, lastCompletedAt: null })],
      tasks: [task({ id: 1, vendorId: 1, dueDate: '2026-07-01' })],
    });
    expect(needsMyAttention('proc-1', s, NOW).total).toBe(0);
  });

  it('a re-assessment is overdue at the moment the last assessment expires, not at midnight before', () => {
    const s = state({ vendors: [vendor({ id: 2, tier: 1, lastCompletedAt: at('2025-07-10T15:00:00Z') })] });
    expect(needsMyAttention('proc-1', s, at('2026-07-10T14:59:00Z')).total).toBe(0);
    expect(needsMyAttention('proc-1', s, at('2026-07-10T15:00:00Z')).items.map((i) => i.kind)).toEqual(['reassessment_overdue']);
  });
});
