import { AssessmentIdInput, CreateShareLinkInput, ReopenInput, ShareLinkIdInput } from '../../shared/schemas/sharing.ts';
import { getAssessment, reopenAssessment } from '../services/assessments.ts';
import { createShareLink, listShareLinks, revokeShareLink } from '../sharing/shareLinks.ts';
import { actorOf, procurementProcedure, readProcedure, router } from '../trpc.ts';

export const assessmentsRouter = router({
  get: readProcedure.input(AssessmentIdInput).query(({ ctx, input }) => getAssessment(ctx.db, input.assessmentId)),
  shareLinks: readProcedure.input(AssessmentIdInput).query(({ ctx, input }) => listShareLinks(ctx.db, input.assessmentId, ctx.now())),
  /** Returns the link's full URL: this is the only time it can be shown. */
  createShareLink: procurementProcedure
    .input(CreateShareLinkInput)
    .mutation(({ ctx, input }) => createShareLink({ db: ctx.db, publicUrl: ctx.services.publicUrl, mail: ctx.services.mail }, input, actorOf(ctx), ctx.now())),
  revokeShareLink: procurementProcedure.input(ShareLinkIdInput).mutation(({ ctx, input }) => revokeShareLink(ctx.db, input.linkId, actorOf(ctx), ctx.now())),
  reopen: procurementProcedure.input(ReopenInput).mutation(({ ctx, input }) => reopenAssessment(ctx.db, ctx.services.mail, input.assessmentId, input.note, actorOf(ctx), ctx.now())),
});
