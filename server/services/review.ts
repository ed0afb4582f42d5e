/**
 * Reviewing a submitted questionnaire: each answer is accepted, rejected
 * with a note (it then counts as No), or sent back to the vendor with a
 * question. The reviewer sees the score the answers would give as they go.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { scoreVendor } from '../../shared/scoring/scoreVendor.ts';
import type { LinkScope } from '../context.ts';
import { answers, assessments, evidenceFiles } from '../../drizzle/schema/index.ts';
import type { Db } from '../db/database.ts';
import { AppError, badRequest, notFound } from '../errors.ts';
import { recordAudit, type AuditActor } from './audit.ts';
import { getAssessment } from './assessments.ts';
import { getTemplateVersion } from './templates.ts';
import { loadAnswerMap, loadVendorProfile } from './vendorProfile.ts';

export function getReview(db: Db, assessmentId: number) {
  const summary = getAssessment(db, assessmentId);
  const a = db.select().from(assessments).where(eq(assessments.id, assessmentId)).get()!;
  const version = getTemplateVersion(db, a.templateVersionId);
  const rows = db.select().from(answers).where(eq(answers.assessmentId, assessmentId)).all();
  const byControl = new Map(rows.map((r) => [r.controlId, r]));
  const files = db
    .select({ id: evidenceFiles.id, controlId: evidenceFiles.controlId, name: evidenceFiles.originalName, mimeType: evidenceFiles.mimeType, sizeBytes: evidenceFiles.sizeBytes, sha256: evidenceFiles.sha256, uploadedBy: evidenceFiles.uploadedBy, createdAt: evidenceFiles.createdAt })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.assessmentId, assessmentId), isNull(evidenceFiles.taskId), isNull(evidenceFiles.deletedAt)))
    .orderBy(asc(evidenceFiles.id))
    .all();
  const live = scoreVendor({ ...loadVendorProfile(db, a.vendorId), controls: version.content.controls, answers: loadAnswerMap(db, assessmentId) });
  return {
    assessment: summary,
    domains: version.content.domains,
    items: version.content.controls.map((control) => {
      const answer = byControl.get(control.id);
      return {
        control: { id: control.id, domain: control.domain, title: control.title, question: control.question, guidance: control.guidance, severity: control.severity, critical: control.critical, allowNa: control.allowNa, references: control.references },
        answer: answer
          ? { value: answer.value, comment: answer.comment, answeredBy: answer.answeredBy, updatedAt: answer.updatedAt, reviewStatus: answer.reviewStatus, reviewNote: answer.reviewNote, clarificationResponse: answer.clarificationResponse }
          : null,
        outcome: live.controls.find((c) => c.control.id === control.id)?.outcome ?? 'unanswered',
        evidence: files.filter((f) => f.controlId === control.id),
      };
    }),
    /** The position these answers give if the review completed now (not stored). */
    preview: {
      score: live.score,
      grade: live.grade,
      likelihood: live.likelihood.likelihood,
      impact: live.impact.impact,
      residual: live.residual,
      band: live.band,
      criticalFailures: live.criticalFailures,
      tasks: live.tasks.length,
    },
  };
}

export function reviewAnswer(db: Db, input: { assessmentId: number; controlId: string; decision: 'accept' | 'reject' | 'clarify'; note?: string | undefined }, actor: AuditActor, now: Date) {
  db.transaction((tx) => {
    const a = tx.select({ status: assessments.status }).from(assessments).where(eq(assessments.id, input.assessmentId)).get();
    if (!a) throw notFound('The assessment');
    if (a.status !== 'in_review') throw new AppError('PRECONDITION_FAILED', 'Start the review first: answers can be reviewed only while the assessment is in review.');
    const answer = tx.select().from(answers).where(and(eq(answers.assessmentId, input.assessmentId), eq(answers.controlId, input.controlId))).get();
    if (!answer) throw badRequest(`${input.controlId} was not answered: it already counts as No.`);
    const reviewStatus = { accept: 'accepted', reject: 'rejected', clarify: 'clarification_requested' } as const;
    tx.update(answers)
      .set({ reviewStatus: reviewStatus[input.decision], reviewNote: input.note ?? null, clarificationResponse: input.decision === 'clarify' ? null : answer.clarificationResponse, updatedAt: now })
      .where(eq(answers.id, answer.id))
      .run();
    recordAudit(tx, {
      actor,
      action: `answer.review.${input.decision}`,
      targetType: 'assessment',
      targetId: input.assessmentId,
      before: { controlId: input.controlId, reviewStatus: answer.reviewStatus },
      after: { controlId: input.controlId, reviewStatus: reviewStatus[input.decision], note: input.note ?? null },
      at: now,
    });
  });
}

/** The vendor answers a reviewer's question through its link; the answer itself stays as submitted. */
export function respondToClarification(db: Db, link: LinkScope, controlId: string, response: string, actor: AuditActor, now: Date) {
  db.transaction((tx) => {
    const answer = tx.select().from(answers).where(and(eq(answers.assessmentId, link.assessmentId), eq(answers.controlId, controlId))).get();
    if (!answer || answer.reviewStatus !== 'clarification_requested') throw badRequest(`No question is waiting for you on ${controlId}.`);
    tx.update(answers).set({ clarificationResponse: response, updatedAt: now }).where(eq(answers.id, answer.id)).run();
    recordAudit(tx, { actor, action: 'answer.clarification', targetType: 'assessment', targetId: link.assessmentId, after: { controlId, response }, at: now });
  });
}
