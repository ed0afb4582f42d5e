/** Inputs for questionnaire links (staff side) and the vendor portal. */
import { z } from 'zod';
import { AnswerValueSchema } from './common.ts';
import { ID_PATTERN } from '../templates/schema.ts';

export const MAX_LINK_DAYS = 90;
export const DEFAULT_LINK_DAYS = 14;

const id = (what: string) => z.int({ error: `${what} must be a whole number` }).positive({ error: `${what} must be positive` });

/** A question of a questionnaire: a catalogue control (IAM-01) or a custom question's id (docs/templates.md section 1). */
export const ControlIdSchema = z
  .string({ error: 'controlId must be a question id such as IAM-01' })
  .regex(ID_PATTERN, { error: 'controlId must be a question id such as IAM-01: letters, digits, ".", "_" or "-"' });

/**
 * The answer to a custom question beyond Yes / Partial / No / N/A: exactly
 * one of the chosen option ids, a number, a date (YYYY-MM-DD) or text.
 * Whether it fits the question is checked against the question itself
 * (shared/templates/answers.ts checkAnswer).
 */
export const AnswerResponseSchema = z.union(
  [
    z.strictObject({ options: z.array(z.string().regex(ID_PATTERN, { error: 'an option id is malformed' })).max(100) }),
    z.strictObject({ number: z.number({ error: 'a number answer must be a number' }).refine(Number.isFinite, { error: 'a number answer must be finite' }) }),
    z.strictObject({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'a date answer must be written YYYY-MM-DD' }) }),
    z.strictObject({ text: z.string().max(10_000, { error: 'A text answer can be at most 10,000 characters' }) }),
  ],
  { error: 'response must be one of { options }, { number }, { date } or { text }' },
);
export const TaskIdSchema = id('taskId');

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
  controlId: ControlIdSchema,
  /** null clears the choice (the question becomes unanswered). */
  value: AnswerValueSchema.nullable(),
  /** A custom question's choice, number, date or text; null (the default) for Yes / Partial / No / N/A or to clear it. */
  response: AnswerResponseSchema.nullable().default(null),
  comment: z.string().max(5000, { error: 'A comment can be at most 5,000 characters' }).default(''),
  /** The revision the person started from; 0 when the question had no answer. */
  baseRevision: z.int().min(0),
  /** Save anyway over a newer answer (after the person has seen both). */
  overwrite: z.boolean().default(false),
  /**
   * One id per logical save, chosen by the client and sent again when it
   * retries that save: a retry whose first attempt was saved (only the reply
   * was lost) is recognised and answered as saved, not as a conflict.
   */
  requestId: z.string().regex(/^[\w-]{16,64}$/, { error: 'requestId must be 16 to 64 letters, digits, - or _' }).optional(),
});
export type SaveAnswerInput = z.input<typeof SaveAnswerInput>;

export const SubmitInput = z.strictObject({ confirmUnanswered: z.boolean().default(false) });

export const EmailCodeInput = z.strictObject({ code: z.string().trim().regex(/^\d{6}$/, { error: 'Enter the 6-digit code from the email' }) });

export const VendorTaskUpdateInput = z.strictObject({
  taskId: TaskIdSchema,
  response: z.string().trim().min(1, { error: 'Say what you did' }).max(5000),
  readyForVerification: z.boolean().default(false),
});

/**
 * A whole number sent as text (a form field, a path segment): digits only,
 * then the same rule as the JSON inputs. Number() alone would take "1.5",
 * "1e400" (Infinity), " 7 " and "0x10".
 */
const integerText = (what: string, schema: z.ZodType<number, number>) =>
  z
    .string({ error: `${what} must be a whole number` })
    .regex(/^\d{1,15}$/, { error: `${what} must be a whole number` })
    .transform(Number)
    .pipe(schema);

/** The form fields sent with an evidence file: which question or which task it supports. */
export const EvidenceUploadFields = z
  .strictObject({
    controlId: ControlIdSchema.optional(),
    taskId: integerText('taskId', TaskIdSchema).optional(),
  })
  .refine((fields) => (fields.controlId === undefined) !== (fields.taskId === undefined), {
    error: 'Say which question (controlId) or which task (taskId) the file is for: one of them.',
  });

/** Ids in URL paths, e.g. /api/evidence/:id. */
export const EvidenceIdParam = integerText('The file id', id('The file id'));
export const AssessmentIdParam = integerText('The assessment id', id('The assessment id'));
