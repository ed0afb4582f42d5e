/** The vendor's side, through its questionnaire link: one assessment, nothing else. */
import { ClarificationResponseInput } from '#shared/schemas/assessments.ts';
import { EmailCodeInput, SaveAnswerInput, SubmitInput, VendorTaskUpdateInput } from '#shared/schemas/sharing.ts';
import { respondToClarification } from '../assessments/index.ts';
import { getOrganisation } from '../platform/settings.ts';
import { codeLockedUntil, sendEmailCode, verifyEmailCode } from './emailCode.ts';
import { portalOverview, portalQuestionnaire, portalTasks, submitQuestionnaire, updateTaskAsVendor } from './questionnaire.ts';
import { saveAnswer } from './saveAnswer.ts';
import { linkBeforeCodeProcedure, linkProcedure, router } from '../platform/trpc.ts';

export const portalRouter = router({
  /** Whether this session must still give the emailed code, and until when codes are paused after too many wrong ones. */
  gate: linkBeforeCodeProcedure.query(({ ctx }) => {
    const codeRequired = Boolean(ctx.link.codePending);
    return { codeRequired, lockedUntil: codeRequired ? codeLockedUntil(ctx.db, ctx.link, ctx.now()) : null };
  }),
  sendCode: linkBeforeCodeProcedure.mutation(({ ctx }) => sendEmailCode(ctx.service, ctx.link)),
  verifyCode: linkBeforeCodeProcedure.input(EmailCodeInput).mutation(({ ctx, input }) => verifyEmailCode(ctx.db, ctx.link, input.code, ctx.ip, ctx.now())),
  overview: linkProcedure.query(({ ctx }) => portalOverview(ctx.db, ctx.link, getOrganisation(ctx.db))),
  questionnaire: linkProcedure.query(({ ctx }) => portalQuestionnaire(ctx.db, ctx.link, getOrganisation(ctx.db))),
  saveAnswer: linkProcedure.input(SaveAnswerInput).mutation(({ ctx, input }) => saveAnswer(ctx.service, ctx.link, input)),
  submit: linkProcedure
    .input(SubmitInput)
    .mutation(({ ctx, input }) => submitQuestionnaire(ctx.service, ctx.link, input.confirmUnanswered)),
  /** Replies to the reviewer's question or rejection note on one answer (with files uploaded for it), while the assessment is in review. */
  respondToClarification: linkProcedure
    .input(ClarificationResponseInput)
    .mutation(({ ctx, input }) => respondToClarification(ctx.service, ctx.link, input)),
  tasks: linkProcedure.query(({ ctx }) => portalTasks(ctx.db, ctx.link)),
  updateTask: linkProcedure
    .input(VendorTaskUpdateInput)
    .mutation(({ ctx, input }) => updateTaskAsVendor(ctx.service, ctx.link, input)),
});
