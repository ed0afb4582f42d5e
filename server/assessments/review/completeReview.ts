/**
 * Completing an assessment's review: the scoring engine scores it, the
 * result is frozen on the assessment, remediation tasks are raised with due
 * dates, and the vendor's current risk and history are updated, all in one
 * transaction.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import { canTransition } from '#shared/assessmentLifecycle.ts';
import { toIsoDate } from '#shared/dates.ts';
import { ACTIVE_TASK_STATUSES } from '#shared/statuses.ts';
import { scoreVendorQuestionnaire, type QuestionnaireVendorScore } from '#shared/scoring/questionnaireVendor.ts';
import { asDomainScores } from '#shared/scoring/controlScore.ts';
import { answerFor, evaluateQuestion } from '#shared/scoring/questionScore.ts';
import { hiddenQuestionIds } from '#shared/scoring/visibility.ts';
import { askedVersion } from '#shared/templates/asked.ts';
import { assessments, remediationTasks, taskComments, type AssessmentComparison } from '../../../drizzle/schema/index.ts';
import { needsRemediation } from '#shared/scoring/remediation.ts';
import type { Tx } from '../../platform/db/database.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { recordAudit, type AuditActor } from '../../platform/audit/auditTrail.ts';
import { dueDateFor } from '#shared/remediation/sla.ts';
import { getSlaDays, recordTaskEvent } from '../../remediation/index.ts';
import { getTemplateVersion } from '../../templates/index.ts';
import { previousCompletedAssessment } from '../carryOver.ts';
import { recomputeVendorRisk, takeRiskSnapshot, loadAnswerMap, loadVendorProfile } from '../../risk/index.ts';

export interface CompleteReviewInput {
  assessmentId: number;
  actor: AuditActor;
  now: Date;
}

/** Questions that count as not met in a completed assessment, from its own questionnaire version (hidden ones are not asked). */
function failingControls(tx: Tx, assessmentId: number, templateVersionId: number): Set<string> {
  const questions = askedVersion(getTemplateVersion(tx, templateVersionId)).questions;
  const answers = loadAnswerMap(tx, assessmentId);
  const hidden = hiddenQuestionIds(questions, answers);
  return new Set(questions.filter((q) => needsRemediation(evaluateQuestion(q, answerFor(answers, q.id), { hidden: hidden.has(q.id) }))).map((q) => q.id));
}

/** What changed since the vendor's previous completed assessment, shown when the review completes. */
export function compareWithPrevious(tx: Tx, vendorId: number, assessmentId: number, result: QuestionnaireVendorScore): AssessmentComparison {
  const previous = previousCompletedAssessment(tx, vendorId, assessmentId);
  const now = new Set(result.tasks.filter((t) => t.reasons.includes('answer')).map((t) => t.controlId));
  if (!previous?.completedAt) return { previous: null, newlyFailing: [...now], fixed: [] };
  const before = failingControls(tx, previous.id, previous.templateVersionId);
  // Asked this time: a question hidden now says nothing about whether it was fixed.
  const asked = new Set(result.questions.filter((r) => r.outcome !== 'hidden').map((r) => r.question.id));
  return {
    previous: { assessmentId: previous.id, completedAt: previous.completedAt.toISOString(), score: previous.score, grade: previous.grade, residual: previous.residual, band: previous.band },
    newlyFailing: [...now].filter((id) => !before.has(id)),
    fixed: [...before].filter((id) => asked.has(id) && !now.has(id)),
  };
}

/**
 * A new assessment is now the record for the vendor. Tasks still waiting
 * from earlier assessments are closed: as verified when the new answers
 * meet the control, otherwise as superseded by the new assessment's own
 * task. Without this a control failing twice would count as two tasks.
 */
function settleEarlierTasks(tx: Tx, vendorId: number, assessmentId: number, result: QuestionnaireVendorScore, input: CompleteReviewInput) {
  const earlier = tx
    .select({ id: remediationTasks.id, controlId: remediationTasks.controlId, status: remediationTasks.status })
    .from(remediationTasks)
    // An accepted risk of the older assessment is superseded too (docs/remediation.md): the new answers are the record now.
    .where(and(eq(remediationTasks.vendorId, vendorId), ne(remediationTasks.assessmentId, assessmentId), inArray(remediationTasks.status, [...ACTIVE_TASK_STATUSES, 'risk_accepted'])))
    .all();
  const stillFailing = new Set(result.tasks.map((t) => t.controlId));
  for (const task of earlier) {
    const met = !stillFailing.has(task.controlId) && task.status !== 'risk_accepted';
    recordTaskEvent(
      tx,
      task.id,
      { type: input.actor.type === 'user' ? 'user' : 'system', userId: input.actor.type === 'user' ? input.actor.id : null, label: input.actor.label },
      met ? 'close_by_reassessment' : 'supersede',
      task.status,
      met ? 'closed' : 'superseded',
      null,
      { assessmentId },
      input.now,
    );
    tx.update(remediationTasks)
      .set({ status: met ? 'closed' : 'superseded', closedAt: input.now, verifiedBy: met ? input.actor.id : null, updatedAt: input.now })
      .where(eq(remediationTasks.id, task.id))
      .run();
    tx.insert(taskComments)
      .values({
        taskId: task.id,
        authorType: 'staff',
        authorName: input.actor.label,
        authorUserId: input.actor.type === 'user' ? input.actor.id : null,
        body: met
          ? `Verified by the assessment completed on ${toIsoDate(input.now)}: the control is now met.`
          : stillFailing.has(task.controlId)
            ? `Superseded by the assessment completed on ${toIsoDate(input.now)}, which raised its own task for this control.`
            : `Superseded by the assessment completed on ${toIsoDate(input.now)}, which found the control met: the accepted risk is no longer needed.`,
        createdAt: input.now,
      })
      .run();
  }
}

export function completeReview(tx: Tx, input: CompleteReviewInput): QuestionnaireVendorScore {
  const assessment = tx.select().from(assessments).where(eq(assessments.id, input.assessmentId)).get();
  if (!assessment) throw notFound('The assessment');
  if (!canTransition(assessment.status, 'completed')) {
    throw badRequest(`An assessment that is ${assessment.status.replace('_', ' ')} cannot be completed; start the review first.`);
  }
  const profile = loadVendorProfile(tx, assessment.vendorId);
  const version = getTemplateVersion(tx, assessment.templateVersionId);
  const asked = askedVersion(version);
  // Any template, catalogue controls or custom and conditional questions alike (docs/scoring.md section 13).
  const result = scoreVendorQuestionnaire({ ...profile, questions: asked.questions, answers: loadAnswerMap(tx, assessment.id) });
  const sectionNames = new Map(asked.sections.map((s) => [s.id, s.name]));
  const comparison = compareWithPrevious(tx, assessment.vendorId, assessment.id, result);

  const after = {
    status: 'completed' as const,
    completedAt: input.now,
    updatedAt: input.now,
    score: result.score,
    grade: result.grade,
    likelihood: result.likelihood.likelihood,
    impact: result.impact.impact,
    residual: result.residual,
    band: result.band,
    projectedResidual: result.projected.residual,
    result: {
      // Each section's score; for Core and Lite the sections are the catalogue's domains, as before.
      domains: asDomainScores(result.sections),
      sections: result.sections.map((s) => ({ ...s, name: sectionNames.get(s.section) ?? s.section })),
      holdings: [...profile.holdings],
      criticalFailures: result.criticalFailures,
      impact: result.impact.impact,
      inherentResidual: result.inherentResidual,
      comparison,
      accessPath: result.accessPath,
    },
  };
  tx.update(assessments).set(after).where(eq(assessments.id, assessment.id)).run();

  settleEarlierTasks(tx, assessment.vendorId, assessment.id, result, input);
  if (result.tasks.length > 0) {
    // Due dates come from today's SLA setting and are stored: a later change of the setting leaves these tasks alone.
    const sla = getSlaDays(tx);
    tx.insert(remediationTasks)
      .values(
        result.tasks.map((task) => ({
          vendorId: assessment.vendorId,
          assessmentId: assessment.id,
          controlId: task.controlId,
          severity: task.severity,
          reasons: task.reasons,
          dueDate: dueDateFor(task.severity, input.now, sla),
          ownerId: assessment.assessorId,
          createdAt: input.now,
          updatedAt: input.now,
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
