/** Small builders of remediation state for the reminder and attention tests. */
import type { LinkState, QuestionnaireState, RemediationState, StaffMember, TaskState, VendorState } from '#shared/remediation/state.ts';

export const at = (iso: string) => new Date(iso.length === 10 ? `${iso}T09:00:00Z` : iso);

export const STAFF: StaffMember[] = [
  { id: 'admin-1', role: 'admin', active: true },
  { id: 'proc-1', role: 'procurement', active: true },
  { id: 'proc-2', role: 'procurement', active: true },
  { id: 'ciso-1', role: 'ciso', active: true },
  { id: 'ciso-2', role: 'ciso', active: true },
  { id: 'aud-1', role: 'auditor', active: true },
  { id: 'gone-1', role: 'procurement', active: false },
];

export function vendor(extra: Partial<VendorState> = {}): VendorState {
  return { id: 1, active: true, tier: 1, lastCompletedAt: null, reassessmentOpen: false, ownerId: 'proc-1', ...extra };
}

export function link(extra: Partial<LinkState> = {}): LinkState {
  return { id: 50, createdAt: at('2026-05-01'), opened: true, revokedAt: null, expiresAt: at('2027-05-01'), ...extra };
}

export function questionnaire(extra: Partial<QuestionnaireState> = {}): QuestionnaireState {
  return {
    assessmentId: 10,
    vendorId: 1,
    status: 'sent',
    sentAt: at('2026-05-01'),
    dueDate: '2026-06-30',
    assessorId: 'proc-1',
    answersAwaitingReview: 0,
    links: [link()],
    ...extra,
  };
}

export function task(extra: Partial<TaskState> = {}): TaskState {
  return {
    id: 70,
    vendorId: 1,
    assessmentId: 10,
    controlId: 'IAM-01',
    severity: 'critical',
    status: 'open',
    dueDate: '2026-06-30',
    createdAt: at('2026-05-01'),
    ownerId: 'proc-1',
    readyByUserId: null,
    acceptedBy: null,
    acceptedAt: null,
    acceptanceExpiresOn: null,
    ...extra,
  };
}

export function state(parts: Partial<RemediationState> = {}): RemediationState {
  return { staff: STAFF, vendors: [vendor()], questionnaires: [], tasks: [], ...parts };
}

/** Every day from `from` to `to` inclusive, at the given UTC hour. */
export function dailyTicks(from: string, to: string, hour = 9): Date[] {
  const out: Date[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`) + hour * 3_600_000; t <= Date.parse(`${to}T23:59:59Z`); t += 86_400_000) out.push(new Date(t));
  return out;
}
