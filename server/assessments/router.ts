import { AcceptAllRemainingInput, AssessmentListInput, ReviewAnswerInput, StartAssessmentInput, TransitionInput } from '#shared/schemas/assessments.ts';
import { AssessmentIdInput, CreateShareLinkInput, ReopenInput, ShareLinkIdInput } from '#shared/schemas/sharing.ts';
import { listAssessments, listAssessors, startAssessment, transitionAssessment } from './lifecycle.ts';
import { getAssessment, reopenAssessment } from './assessmentRecords.ts';
import { getReport } from './report/report.ts';
import { acceptAllRemaining, getReview, reviewAnswer } from './review/answerReview.ts';
import { createShareLink, listShareLinks, revokeShareLink } from './links/shareLinks.ts';
import { procurementProcedure, readProcedure, router } from '../platform/trpc.ts';

export const assessmentsRouter = router({
  list: readProcedure.input(AssessmentListInput).query(({ ctx, input }) => listAssessments(ctx.db, input, ctx.now())),
  /** Who assesses anything, for the list's filter (every staff role; the users list is for admins). */
  assessors: readProcedure.query(({ ctx }) => listAssessors(ctx.db)),
  start: procurementProcedure.input(StartAssessmentInput).mutation(({ ctx, input }) => startAssessment(ctx.service, input)),
  /** send, start the review, complete (scores it and raises tasks), or cancel. */
  transition: procurementProcedure.input(TransitionInput).mutation(({ ctx, input }) => transitionAssessment(ctx.service, input.assessmentId, input.to, input.note)),
  review: readProcedure.input(AssessmentIdInput).query(({ ctx, input }) => getReview(ctx.db, input.assessmentId)),
  /** Accept, reject with a note, or ask the vendor (emailed to its live links' recipients); says who can read it and how they were told. */
  reviewAnswer: procurementProcedure.input(ReviewAnswerInput).mutation(({ ctx, input }) => reviewAnswer(ctx.service, input)),
  /** Accepts every answer not reviewed yet, if `count` is still how many there are; answers with open questions stay. */
  acceptAllRemaining: procurementProcedure.input(AcceptAllRemainingInput).mutation(({ ctx, input }) => acceptAllRemaining(ctx.service, input)),
  report: readProcedure.input(AssessmentIdInput).query(({ ctx, input }) => getReport(ctx.db, input.assessmentId)),
  get: readProcedure.input(AssessmentIdInput).query(({ ctx, input }) => getAssessment(ctx.db, input.assessmentId)),
  shareLinks: readProcedure.input(AssessmentIdInput).query(({ ctx, input }) => listShareLinks(ctx.db, input.assessmentId, ctx.now())),
  /** Returns the link's full URL: this is the only time it can be shown. */
  createShareLink: procurementProcedure
    .input(CreateShareLinkInput)
    .mutation(({ ctx, input }) => createShareLink(ctx.service, input)),
  revokeShareLink: procurementProcedure.input(ShareLinkIdInput).mutation(({ ctx, input }) => revokeShareLink(ctx.service, input.linkId)),
  reopen: procurementProcedure.input(ReopenInput).mutation(({ ctx, input }) => reopenAssessment(ctx.service, input.assessmentId, input.note)),
});
