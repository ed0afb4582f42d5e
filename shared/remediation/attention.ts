/**
 * "Needs my attention": what a staff user has to act on now, with a count
 * per kind for the badge in the navigation. Each item goes to the people
 * named on it who can act (the assessment's assessor, the task's owner,
 * the CISO who accepted a risk); when none of them can, to everyone whose
 * role could, so nothing waits on an account that is gone. Auditors read
 * everything and act on nothing, so their list is always empty.
 */
import { VENDOR_EDITABLE_STATUSES } from '../assessmentLifecycle.ts';
import { daysUntil, isoDateInDays, toIsoDate } from '../dates.ts';
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
  /** Most urgent first; at most `perKind` of each kind when a limit is given. */
  items: AttentionItem[];
  /** Every item of each kind, whatever the limit. */
  counts: Record<AttentionKind, number>;
  total: number;
}

/**
 * How many items of each kind the list carries: the most urgent. A portfolio of thousands of vendors can put tens of
 * thousands of overdue tasks on one person's list; the counts still tell how many there are.
 */
export const ATTENTION_LISTED_PER_KIND = 100;

/** Tasks in these statuses wait on someone: verified, done while overdue, or accepted until a date. */
export const ATTENTION_TASK_STATUSES = { toVerify: 'ready_for_verification', underWay: ['open', 'in_progress'], accepted: 'risk_accepted' } as const;

/**
 * The dates that decide which tasks can be on anyone's list at `now`: due before `today` (overdue), or a risk
 * acceptance ending on or before `acceptanceEndsBy`. ISO dates compare as strings (shared/dates.ts), so a reader
 * can keep only the tasks these let through (server/reminders/state.ts, loadAttentionState) and the list is the same.
 */
export function attentionWindow(now: Date): { today: string; acceptanceEndsBy: string } {
  return { today: toIsoDate(now), acceptanceEndsBy: isoDateInDays(now, ACCEPTANCE_EXPIRING_OFFSET) };
}

/**
 * The list of one staff user, most urgent first. Role and standing come from `state.staff`: a user missing there, or
 * deactivated, has nothing to do. With `perKind`, only that many of each kind are listed (the most urgent); the counts
 * are still of every item. Days left are worked out for the items listed only.
 */
export function needsMyAttention(
  userId: string,
  state: RemediationState,
  now: Date,
  cadence: Readonly<CadenceMonths> = DEFAULT_CADENCE_MONTHS,
  perKind: number = Number.POSITIVE_INFINITY,
): AttentionList {
  const me = state.staff.find((m) => m.id === userId);
  const { today, acceptanceEndsBy } = attentionWindow(now);
  const items: Omit<AttentionItem, 'daysLeft'>[] = [];
  if (me && me.active && me.role !== 'auditor') {
    const activeVendors = new Set(state.vendors.filter((v) => v.active).map((v) => v.id));
    const questionnaires = new Map(state.questionnaires.map((q) => [q.assessmentId, q]));
    const mine = (named: readonly (string | null)[], mayAct: (m: StaffMember) => boolean, pool?: (m: StaffMember) => boolean) =>
      responsibleStaff(state.staff, named, mayAct, pool).ids.includes(me.id);
    // Whether one named person's items are mine depends on that name alone: worked out once per name (a portfolio's
    // tens of thousands of tasks have a handful of owners).
    const mineByName = (mayAct: (m: StaffMember) => boolean, pool?: (m: StaffMember) => boolean) => {
      const known = new Map<string | null, boolean>();
      return (id: string | null) => {
        let answer = known.get(id);
        if (answer === undefined) {
          answer = mine([id], mayAct, pool);
          known.set(id, answer);
        }
        return answer;
      };
    };
    const ownsOverdueTask = mineByName(mayOwnTasks, isAssessor);
    const accepted = mineByName(isRiskAcceptor);
    const assesses = mineByName(isAssessor);
    const item = (kind: AttentionKind, subject: string, fields: Partial<AttentionItem> & { vendorId: number }): Omit<AttentionItem, 'daysLeft'> => ({
      kind,
      key: `${kind}:${subject}`,
      assessmentId: null,
      taskId: null,
      date: null,
      count: null,
      ...fields,
    });

    for (const t of state.tasks) {
      if (!activeVendors.has(t.vendorId)) continue;
      const q = questionnaires.get(t.assessmentId);
      const fields = { vendorId: t.vendorId, assessmentId: t.assessmentId, taskId: t.id };
      if (t.status === ATTENTION_TASK_STATUSES.toVerify) {
        // Whoever marked it ready may not verify it (four eyes), so it is never on their list.
        const mayVerify = (m: StaffMember) => isAssessor(m) && m.id !== t.readyByUserId;
        if (mine([q?.assessorId ?? null, t.ownerId], mayVerify)) items.push(item('task_to_verify', `task:${t.id}`, { ...fields, date: t.dueDate }));
      }
      if (ATTENTION_TASK_STATUSES.underWay.some((status) => status === t.status) && t.dueDate < today && ownsOverdueTask(t.ownerId)) {
        items.push(item('task_overdue', `task:${t.id}`, { ...fields, date: t.dueDate }));
      }
      if (t.status === ATTENTION_TASK_STATUSES.accepted && t.acceptanceExpiresOn && t.acceptanceExpiresOn <= acceptanceEndsBy && accepted(t.acceptedBy)) {
        items.push(item('risk_expiring', `task:${t.id}`, { ...fields, date: t.acceptanceExpiresOn }));
      }
    }

    for (const q of state.questionnaires) {
      if (!activeVendors.has(q.vendorId)) continue;
      const fields = { vendorId: q.vendorId, assessmentId: q.assessmentId };
      if ((q.status === 'submitted' || q.status === 'in_review') && q.answersAwaitingReview > 0 && assesses(q.assessorId)) {
        items.push(item('answers_to_review', `assessment:${q.assessmentId}`, { ...fields, date: q.dueDate, count: q.answersAwaitingReview }));
      }
      if (VENDOR_EDITABLE_STATUSES.includes(q.status) && q.dueDate && q.dueDate < today && assesses(q.assessorId)) {
        items.push(item('questionnaire_overdue', `assessment:${q.assessmentId}`, { ...fields, date: q.dueDate }));
      }
    }

    for (const v of state.vendors) {
      // Once a re-assessment is under way, chasing it is the questionnaire's business.
      if (!v.active || v.reassessmentOpen) continue;
      const due = classifyReassessment(v.tier, v.lastCompletedAt, now, cadence);
      if (due.standing === 'overdue' && assesses(v.ownerId)) items.push(item('reassessment_overdue', `vendor:${v.id}`, { vendorId: v.id, date: due.dueOn }));
    }
  }

  // Plain code-unit order: ISO dates sort as strings, and keys only need an order that never changes. (The
  // locale-aware compare was most of the time on a list of 100,000 overdue tasks.)
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  items.sort(
    (a, b) =>
      byText(a.date ?? '9999-12-31', b.date ?? '9999-12-31') ||
      ATTENTION_KINDS.indexOf(a.kind) - ATTENTION_KINDS.indexOf(b.kind) ||
      byText(a.key, b.key),
  );
  const counts = Object.fromEntries(ATTENTION_KINDS.map((k) => [k, 0])) as Record<AttentionKind, number>;
  const listed: AttentionItem[] = [];
  for (const i of items) {
    counts[i.kind] += 1;
    if (counts[i.kind] <= perKind) listed.push({ ...i, daysLeft: i.date ? daysUntil(i.date, now) : null });
  }
  return { items: listed, counts, total: items.length };
}
