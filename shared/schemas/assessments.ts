/** Inputs of the assessment lifecycle and review procedures. */
import { z } from 'zod';
import { ASSESSMENT_STATUSES } from '../assessmentLifecycle.ts';
import { namedEnum } from './common.ts';
import { KEY_PATTERN } from '../templates/schema.ts';
import { ControlIdSchema } from './sharing.ts';

const id = (what: string) => z.int({ error: `${what} must be a whole number` }).positive({ error: `${what} must be positive` });
const isoDate = z.iso.date({ error: 'Use a date like 2026-12-31' });

export const StartAssessmentInput = z.strictObject({
  vendorId: id('vendorId'),
  /** Any published template's key; by default the tier's suggestion: Core for tiers 1-2, Lite for 3-4. */
  templateKey: z.string().trim().regex(KEY_PATTERN, { error: 'templateKey must be a template key, e.g. "core"' }).optional(),
  dueDate: isoDate.optional(),
  assessorId: z.string().min(1).max(100).optional(),
});
export type StartAssessmentInput = z.input<typeof StartAssessmentInput>;

export const TRANSITION_TARGETS = ['sent', 'in_review', 'completed', 'cancelled'] as const;
export const TransitionInput = z.strictObject({
  assessmentId: id('assessmentId'),
  to: namedEnum(TRANSITION_TARGETS, 'status'),
  /** Why, for a cancellation. */
  note: z.string().trim().max(2000).optional(),
});

export const AssessmentListInput = z.strictObject({
  status: z.array(namedEnum(ASSESSMENT_STATUSES, 'status')).max(ASSESSMENT_STATUSES.length).optional(),
  overdue: z.boolean().optional(),
  assessorId: z.string().max(100).optional(),
  vendorId: id('vendorId').optional(),
  page: z.int().min(1).max(100_000).default(1),
  pageSize: z.int().min(1).max(200).default(50),
});
export type AssessmentListInput = z.input<typeof AssessmentListInput>;

export const REVIEW_DECISIONS = ['accept', 'reject', 'clarify'] as const;
export const ReviewAnswerInput = z
  .strictObject({
    assessmentId: id('assessmentId'),
    controlId: ControlIdSchema,
    decision: namedEnum(REVIEW_DECISIONS, 'decision'),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((v) => v.decision === 'accept' || (v.note?.length ?? 0) >= 5, {
    error: 'Say why (at least 5 characters): the vendor reads this note',
    path: ['note'],
  });

/** The vendor's reply to the reviewer on one answer, with any files it uploaded for the reply. */
export const ClarificationResponseInput = z.strictObject({
  controlId: ControlIdSchema,
  response: z.string().trim().min(1, { error: 'Write your reply to the reviewer' }).max(5000, { error: 'Keep your reply under 5,000 characters' }),
  evidenceIds: z.array(id('evidenceId')).max(10, { error: 'Send at most 10 files with one reply' }).default([]),
});

/** Accepts every answer not yet reviewed; `count` is the number the reviewer confirmed. */
export const AcceptAllRemainingInput = z.strictObject({
  assessmentId: id('assessmentId'),
  count: z.int({ error: 'count must be a whole number' }).min(0).max(10_000),
});
