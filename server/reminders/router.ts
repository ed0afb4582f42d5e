/** Re-assessment lists, "needs my attention", and the cadence and reminder settings. */
import { CadenceInput, ReassessmentListInput, ReminderKindsInput } from '#shared/schemas/reminders.ts';
import { adminProcedure, readProcedure, router } from '../platform/trpc.ts';
import { attentionFor, listReassessments } from './lists.ts';
import { getCadence, getReminderSettings, updateCadence, updateReminderSettings } from './settings.ts';

export const remindersRouter = router({
  /** Vendors overdue, due within 30 days, or never assessed: anyone who reads the portfolio. */
  reassessments: readProcedure.input(ReassessmentListInput).query(({ ctx, input }) => listReassessments(ctx.db, input.standing, ctx.now())),
  /** The caller's own list; an auditor's is always empty (they act on nothing). */
  attention: readProcedure.query(({ ctx }) => attentionFor(ctx.db, ctx.user.id, ctx.now())),
  settings: adminProcedure.query(({ ctx }) => ({ cadence: getCadence(ctx.db), kinds: getReminderSettings(ctx.db) })),
  updateCadence: adminProcedure.input(CadenceInput).mutation(({ ctx, input }) => updateCadence(ctx.service, input)),
  updateKinds: adminProcedure.input(ReminderKindsInput).mutation(({ ctx, input }) => updateReminderSettings(ctx.service, input)),
});
