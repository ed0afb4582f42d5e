/** The vendor's side, through its questionnaire link: one assessment, nothing else. */
import { z } from 'zod';
import { ClarificationResponseInput } from '../../shared/schemas/assessments.ts';
import { EmailCodeInput, SaveAnswerInput, SubmitInput } from '../../shared/schemas/sharing.ts';
import { respondToClarification } from '../services/review.ts';
import { getOrganisation } from '../services/settings.ts';
import { sendEmailCode, verifyEmailCode } from '../sharing/emailCode.ts';
import { linkActor, portalOverview, portalQuestionnaire, portalTasks, saveAnswer, submitQuestionnaire, updateTaskAsVendor } from '../sharing/portal.ts';
import { linkBeforeCodeProcedure, linkProcedure, router } from '../trpc.ts';

export const portalRouter = router({
  /** Whether this session must still give the emailed code. */
  gate: linkBeforeCodeProcedure.query(({ ctx }) => ({ codeRequired: Boolean(ctx.link.codePending) })),
  sendCode: linkBeforeCodeProcedure.mutation(({ ctx }) => sendEmailCode(ctx.db, ctx.services.mail, ctx.link, ctx.now())),
  verifyCode: linkBeforeCodeProcedure.input(EmailCodeInput).mutation(({ ctx, input }) => verifyEmailCode(ctx.db, ctx.link, input.code, ctx.ip, ctx.now())),
  overview: linkProcedure.query(({ ctx }) => portalOverview(ctx.db, ctx.link, getOrganisation(ctx.db))),
  questionnaire: linkProcedure.query(({ ctx }) => portalQuestionnaire(ctx.db, ctx.link)),
  saveAnswer: linkProcedure.input(SaveAnswerInput).mutation(({ ctx, input }) => saveAnswer(ctx.db, ctx.link, input, ctx.ip, ctx.now())),
  submit: linkProcedure
    .input(SubmitInput)
    .mutation(({ ctx, input }) => submitQuestionnaire(ctx.db, ctx.services.mail, ctx.link, input.confirmUnanswered, ctx.ip, ctx.now(), ctx.services.publicUrl)),
  /** Answers a reviewer's question on one answer, while the assessment is in review. */
  respondToClarification: linkProcedure
    .input(ClarificationResponseInput)
    .mutation(({ ctx, input }) => respondToClarification(ctx.db, ctx.link, input.controlId, input.response, linkActor(ctx.link, ctx.ip), ctx.now())),
  tasks: linkProcedure.query(({ ctx }) => portalTasks(ctx.db, ctx.link)),
  updateTask: linkProcedure
    .input(
      z.strictObject({
        taskId: z.int().positive(),
        response: z.string().trim().min(1, { error: 'Say what you did' }).max(5000),
        readyForVerification: z.boolean().default(false),
      }),
    )
    .mutation(({ ctx, input }) => updateTaskAsVendor(ctx.db, ctx.services.mail, ctx.link, input, ctx.ip, ctx.now())),
});
