/** Inputs of the re-assessment lists and the reminder settings. */
import { z } from 'zod';
import { ReassessmentCadenceSetting } from '../remediation/cadence.ts';
import { ReminderSettingsSchema } from '../remediation/reminders.ts';

/** The lists: vendors due within 30 days, overdue (last assessment expired), or never assessed. */
export const REASSESSMENT_LIST_STANDINGS = ['overdue', 'due_soon', 'never_assessed'] as const;
export type ReassessmentListStanding = (typeof REASSESSMENT_LIST_STANDINGS)[number];

export const ReassessmentListInput = z
  .object({ standing: z.enum(REASSESSMENT_LIST_STANDINGS, { error: 'Choose overdue, due soon or never assessed' }).default('overdue') })
  .default({ standing: 'overdue' });

export const CadenceInput = ReassessmentCadenceSetting;
export const ReminderKindsInput = ReminderSettingsSchema;
