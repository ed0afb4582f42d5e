/** Inputs for questionnaire links (staff side) and the vendor portal. */
import { z } from 'zod';
import { AnswerValueSchema } from './common.ts';

export const MAX_LINK_DAYS = 90;
export const DEFAULT_LINK_DAYS = 14;

const id = (what: string) => z.int({ error: `${what} must be a whole number` }).positive({ error: `${what} must be positive` });

export const AssessmentIdInput = z.strictObject({ assessmentId: id('assessmentId') });

export const CreateShareLinkInput = z.strictObject({
  assessmentId: id('assessmentId'),
  recipientName: z.string().trim().min(1, { error: "Enter the recipient's name" }).max(120),
  recipientEmail: z.email({ error: 'Enter a valid email address' }).max(254),
  expiresInDays: z
    .int({ error: 'expiresInDays must be a whole number of days' })
    .min(1, { error: 'A link must last at least 1 day' })
    .max(MAX_LINK_DAYS, { error: `A link can last at most ${MAX_LINK_DAYS} days` })
    .default(DEFAULT_LINK_DAYS),
  /** Ask the recipient for a code sent to their email before showing anything. */
  emailCodeRequired: z.boolean().default(false),
  /** Email the link to the recipient (SMTP, or the admin outbox). */
  sendEmail: z.boolean().default(true),
});
export type CreateShareLinkInput = z.input<typeof CreateShareLinkInput>;

export const ShareLinkIdInput = z.strictObject({ linkId: id('linkId') });

export const ReopenInput = z.strictObject({
  assessmentId: id('assessmentId'),
  note: z.string().trim().min(5, { error: 'Tell the vendor what to change (at least 5 characters)' }).max(2000),
});

export const SaveAnswerInput = z.strictObject({
  controlId: z.string().regex(/^[A-Z]{2,4}-\d{2}$/, { error: 'controlId must look like IAM-01' }),
  /** null clears the choice (the question becomes unanswered). */
  value: AnswerValueSchema.nullable(),
  comment: z.string().max(5000, { error: 'A comment can be at most 5,000 characters' }).default(''),
  /** The revision the person started from; 0 when the question had no answer. */
  baseRevision: z.int().min(0),
  /** Save anyway over a newer answer (after the person has seen both). */
  overwrite: z.boolean().default(false),
});
export type SaveAnswerInput = z.input<typeof SaveAnswerInput>;

export const SubmitInput = z.strictObject({ confirmUnanswered: z.boolean().default(false) });

export const EmailCodeInput = z.strictObject({ code: z.string().trim().regex(/^\d{6}$/, { error: 'Enter the 6-digit code from the email' }) });
