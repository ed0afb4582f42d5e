/**
 * The assessment lifecycle: draft -> sent -> in progress -> submitted ->
 * in review -> completed, or cancelled from any open state. Submitted and
 * in-review assessments can be reopened for the vendor.
 */
export const ASSESSMENT_STATUSES = [
  'draft',
  'sent',
  'in_progress',
  'submitted',
  'in_review',
  'completed',
  'cancelled',
] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  in_progress: 'In progress',
  submitted: 'Submitted',
  in_review: 'In review',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

const TRANSITIONS: Record<AssessmentStatus, readonly AssessmentStatus[]> = {
  draft: ['sent', 'cancelled'],
  sent: ['in_progress', 'submitted', 'cancelled'],
  in_progress: ['submitted', 'cancelled'],
  submitted: ['in_review', 'in_progress', 'cancelled'],
  in_review: ['completed', 'in_progress', 'cancelled'],
  completed: [],
  cancelled: [],
};

export function canTransition(from: AssessmentStatus, to: AssessmentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function allowedTransitions(from: AssessmentStatus): readonly AssessmentStatus[] {
  return TRANSITIONS[from];
}

/** Statuses in which the vendor may still change answers. */
export const VENDOR_EDITABLE_STATUSES: readonly AssessmentStatus[] = ['sent', 'in_progress'];
export const OPEN_STATUSES: readonly AssessmentStatus[] = ['draft', 'sent', 'in_progress', 'submitted', 'in_review'];
