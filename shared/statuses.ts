/** Status values and roles shared by the database, the API and the screens. */

export const STAFF_ROLES = ['admin', 'procurement', 'ciso', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  admin: 'Administrator',
  procurement: 'Procurement',
  ciso: 'CISO / risk owner',
  auditor: 'Auditor (read-only)',
};

export const TASK_STATUSES = ['open', 'in_progress', 'ready_for_verification', 'closed', 'risk_accepted', 'superseded'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  ready_for_verification: 'Ready for verification',
  closed: 'Closed',
  risk_accepted: 'Risk accepted',
  superseded: 'Superseded by a later assessment',
};

/** Tasks still waiting on someone: they count as open work and in projections. */
export const ACTIVE_TASK_STATUSES: readonly TaskStatus[] = ['open', 'in_progress', 'ready_for_verification'];

export const REVIEW_STATUSES = ['pending', 'accepted', 'rejected', 'clarification_requested'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/**
 * Messages of the review conversation on one answer: the reviewer's
 * question, rejection note or acceptance note, and the vendor's reply.
 */
export const REVIEW_MESSAGE_KINDS = ['question', 'rejection', 'acceptance', 'reply'] as const;
export type ReviewMessageKind = (typeof REVIEW_MESSAGE_KINDS)[number];
export const MESSAGE_AUTHOR_TYPES = ['staff', 'vendor'] as const;
export type MessageAuthorType = (typeof MESSAGE_AUTHOR_TYPES)[number];

export const VENDOR_STATUSES = ['active', 'archived'] as const;
export type VendorStatus = (typeof VENDOR_STATUSES)[number];

/** How current a vendor's assessment is: never assessed and expired both show as not assessed. */
export const ASSESSMENT_STANDINGS = ['assessed', 'not_assessed', 'expired'] as const;
export type AssessmentStanding = (typeof ASSESSMENT_STANDINGS)[number];
