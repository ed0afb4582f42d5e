/**
 * Completing an assessment's review: the scoring engine scores it, the
 * result is frozen on the assessment, remediation tasks are raised with due
 * dates, and the vendor's current risk and history are updated, all in one
 * transaction.
 */
import { eq } from 'drizzle-orm';
import { canTransition } from '../../shared/assessmentLifecycle.ts';
import { isoDateInDays } from '../../shared/dates.ts';
import { scoreVendor, type VendorScore } from '../../shared/scoring/scoreVendor.ts';
import { assessments, remediationTasks } from '../../drizzle/schema/index.ts';
import type { Tx } from '../db/database.ts';
import { badRequest, notFound } from '../errors.ts';
import { recordAudit, type AuditActor } from './audit.ts';
import { recomputeVendorRisk, takeRiskSnapshot } from './risk.ts';
import { getTemplateVersion } from './templates.ts';
import { loadAnswerMap, loadVendorProfile } from './vendorProfile.ts';

export interface CompleteReviewInput {
  assessmentId: number;
  actor: AuditActor;
  now: Date;
}

export function completeReview(tx: Tx, input: CompleteReviewInput): VendorScore {
  const assessment = tx.select().from(assessments).where(eq(assessments.id, input.assessmentId)).get();
  if (!assessment) throw notFound('The assessment');
  if (!canTransition(assessment.status, 'completed')) {
    throw badRequest(`An assessment that is ${assessment.status.replace('_', ' ')} cannot be completed; start the review first.`);
  }
  const profile = loadVendorProfile(tx, assessment.vendorId);
  const version = getTemplateVersion(tx, assessment.templateVersionId);
  const result = scoreVendor({ ...profile, controls: version.content.controls, answers: loadAnswerMap(tx, assessment.id) });

  const after = {
    status: 'completed' as const,
    completedAt: input.now,
    score: result.score,
    grade: result.grade,
    likelihood: result.likelihood.likelihood,
    impact: result.impact.impact,
    residual: result.residual,
    band: result.band,
    projectedResidual: result.projected.residual,
    result: {
      domains: result.domains,
      holdings: [...profile.holdings],
      criticalFailures: result.criticalFailures,
      impact: result.impact.impact,
      inherentResidual: result.inherentResidual,
    },
  };
  tx.update(assessments).set(after).where(eq(assessments.id, assessment.id)).run();

  if (result.tasks.length > 0) {
    tx.insert(remediationTasks)
      .values(
        result.tasks.map((task) => ({
          vendorId: assessment.vendorId,
          assessmentId: assessment.id,
          controlId: task.controlId,
          severity: task.severity,
          reasons: task.reasons,
          dueDate: isoDateInDays(input.now, task.dueInDays),
          ownerId: assessment.assessorId,
        })),
      )
      .run();
  }

  recomputeVendorRisk(tx, assessment.vendorId, input.now);
  takeRiskSnapshot(tx, assessment.vendorId, input.now, 'review', assessment.id);
  recordAudit(tx, {
    actor: input.actor,
    action: 'assessment.complete',
    targetType: 'assessment',
    targetId: assessment.id,
    before: { status: assessment.status },
    after: { status: 'completed', score: result.score, grade: result.grade, residual: result.residual, band: result.band, tasks: result.tasks.length },
    at: input.now,
  });
  return result;
}
