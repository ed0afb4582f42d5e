/**
 * "Needs my attention": what a staff user has to act on now, with a count
 * per kind for the badge in the navigation. Each item goes to the people
 * named on it who can act (the assessment's assessor, the task's owner,
 * the CISO who accepted a risk); when none of them can, to everyone whose
 * role could, so nothing waits on an account that is gone. Auditors read
 * everything and act on nothing, so their list is always empty.
 */
import { VENDOR_EDITABLE_STATUSES } from '../assessmentLifecycle.ts';
import { daysUntil } from '../dates.ts';
import { classifyReassessment, DEFAULT_CADENCE_MONTHS, type CadenceMonths } from './cadence.ts';
import { ACCEPTANCE_EXPIRING_OFFSET } from './reminders.ts';
import { isAssessor, isRiskAcceptor, mayOwnTasks, responsibleStaff, type RemediationState, type StaffMember } from './state.ts';

export const ATTENTION_KINDS = [
  'task_to_verify',
  'answers_to_review',
  'risk_expiring',
  'questionnaire_overdue',
  'reassessment_overdue',
  'task_overdue',
] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

export const ATTENTION_LABELS: Record<AttentionKind, string> = {
  task_to_verify: 'Tasks to verify',
  answers_to_review: 'Answers to review',
  risk_expiring: 'Risk acceptances expiring',
  questionnaire_overdue: 'Questionnaires overdue',
  reassessment_overdue: 'Re-assessments overdue',
  task_overdue: 'My tasks overdue',
};

export interface AttentionItem {
  kind: AttentionKind;
  /** Stable across calls, for list keys: kind and subject. */
  key: string;
  vendorId: number;
  assessmentId: number | null;
  taskId: number | null;
  /** The date it is about: due date, expiry, re-assessment due; null when none. */
  date: string | null;
  /** Calendar days from today to `date`; negative when past. */
  daysLeft: number | null;
  /** Answers waiting on review (answers_to_review only). */
  count: number | null;
}

export interface AttentionList {
  items: AttentionItem[];
  counts: Record<AttentionKind, number>;
  total: number;
}

/** The list of one staff user, most urgent first. Role and standing come from `state.staff`: a user missing there, or deactivated, has nothing to do. */
export function needsMyAttention(userId: string, state: RemediationState, now: Date, cadence: Readonly<CadenceMonths> = DEFAULT_CADENCE_MONTHS): AttentionList {
  const me = state.staff.find((m) => m.id === userId);
  const items: AttentionItem[] = [];
  if (me && me.active && me.role !== 'auditor') {
    const activeVendors = new Set(state.vendors.filter((v) => v.active).map((v) => v.id));
    const questionnaires = new Map(state.questionnaires.map((q) => [q.assessmentId, q]));
    const mine = (named: readonly (string | null)[], mayAct: (m: StaffMember) => boolean, pool?: (m: StaffMember) => boolean) =>
      responsibleStaff(state.staff, named, mayAct, pool).ids.includes(me.id);
    const item = (kind: AttentionKind, subject: string, fields: Partial<AttentionItem> & { vendorId: number }): AttentionItem => ({
      kind,
      key: `${kind}:${subject}`,
      assessmentId: null,
      taskId: null,
      date: null,
      count: null,
      ...fields,
      daysLeft: fields.date ? daysUntil(fields.date, now) : null,
    });

    for (const t of state.tasks) {
      if (!activeVendors.has(t.vendorId)) continue;
      const q = questionnaires.get(t.assessmentId);
      const fields = { vendorId: t.vendorId, assessmentId: t.assessmentId, taskId: t.id };
      if (t.status === 'ready_for_verification') {
        // Whoever marked it ready may not verify it (four eyes), so it is never on their list.
        const mayVerify = (m: StaffMember) => isAssessor(m) && m.id !== t.readyByUserId;
        if (mine([q?.assessorId ?? null, t.ownerId], mayVerify)) items.push(item('task_to_verify', `task:${t.id}`, { ...fields, date: t.dueDate }));
      }
      if ((t.status === 'open' || t.status === 'in_progress') && daysUntil(t.dueDate, now) < 0 && mine([t.ownerId], mayOwnTasks, isAssessor)) {
        items.push(item('task_overdue', `task:${t.id}`, { ...fields, date: t.dueDate }));
      }
      if (t.status === 'risk_accepted' && t.acceptanceExpiresOn && daysUntil(t.acceptanceExpiresOn, now) <= ACCEPTANCE_EXPIRING_OFFSET && mine([t.acceptedBy], isRiskAcceptor)) {
        items.push(item('risk_expiring', `task:${t.id}`, { ...fields, date: t.acceptanceExpiresOn }));
      }
    }

    for (const q of state.questionnaires) {
      if (!activeVendors.has(q.vendorId)) continue;
      const fields = { vendorId: q.vendorId, assessmentId: q.assessmentId };
      if ((q.status === 'submitted' || q.status === 'in_review') && q.answersAwaitingReview > 0 && mine([q.assessorId], isAssessor)) {
        items.push(item('answers_to_review', `assessment:${q.assessmentId}`, { ...fields, date: q.dueDate, count: q.answersAwaitingReview }));
      }
      if (VENDOR_EDITABLE_STATUSES.includes(q.status) && q.dueDate && daysUntil(q.dueDate, now) < 0 && mine([q.assessorId], isAssessor)) {
        items.push(item('questionnaire_overdue', `assessment:${q.assessmentId}`, { ...fields, date: q.dueDate }));
      }
    }

    for (const v of state.vendors) {
      // Once a re-assessment is under way, chasing it is the questionnaire's business.
      if (!v.active || v.reassessmentOpen) continue;
      const due = classifyReassessment(v.tier, v.lastCompletedAt, now, cadence);
      if (due.standing === 'overdue' && mine([v.ownerId], isAssessor)) items.push(item('reassessment_overdue', `vendor:${v.id}`, { vendorId: v.id, date: due.dueOn }));
    }
  }

  items.sort(
    (a, b) =>
      (a.date ?? '9999-12-31').localeCompare(b.date ?? '9999-12-31') ||
      ATTENTION_KINDS.indexOf(a.kind) - ATTENTION_KINDS.indexOf(b.kind) ||
      a.key.localeCompare(b.key),
  );
  const counts = Object.fromEntries(ATTENTION_KINDS.map((k) => [k, items.filter((i) => i.kind === k).length])) as Record<AttentionKind, number>;
  return { items, counts, total: items.length };
}
